using System.Diagnostics;
using StackExchange.Redis;

namespace TrtOrleans.TestSupport;

/// <summary>A real redis-server for tests. Uses TRT_TEST_REDIS_URL when set (CI starts one); otherwise starts a
/// private redis-server on a free loopback port for the test run and stops it at the end. Each caller gets its own
/// logical database so that key scans of one test class never see another's keys.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly Lock Gate = new();
    private static RedisServer? _shared;
    private static int _nextDatabase = 1;

    private readonly Process? _process;
    private readonly string? _dataDir;

    private RedisServer(string host, int port, Process? process, string? dataDir)
    {
        Host = host;
        Port = port;
        _process = process;
        _dataDir = dataDir;
        Admin = ConnectionMultiplexer.Connect($"{host}:{port},allowAdmin=true,abortConnect=false");
    }

    public string Host { get; }

    public int Port { get; }

    /// <summary>A connection for assertions (SCAN, TTL, FLUSHDB).</summary>
    public ConnectionMultiplexer Admin { get; }

    /// <summary>The process-wide server (started on first use).</summary>
    public static RedisServer Shared
    {
        get
        {
            lock (Gate)
            {
                return _shared ??= Start();
            }
        }
    }

    /// <summary>A fresh, empty logical database (1..15), distinct for every call in this test run.</summary>
    public int AllocateDatabase()
    {
        lock (Gate)
        {
            if (_nextDatabase > 15)
            {
                _nextDatabase = 1; // reuse: databases are flushed before they are handed out
            }

            var db = _nextDatabase++;
            Admin.GetServer(Host, Port).FlushDatabase(db);
            return db;
        }
    }

    public string Url(int database) => $"redis://{Host}:{Port}/{database}";

    public static RedisServer Start()
    {
        var external = Environment.GetEnvironmentVariable("TRT_TEST_REDIS_URL");
        if (!string.IsNullOrWhiteSpace(external))
        {
            var uri = new Uri(external);
            return new RedisServer(uri.Host, uri.Port, null, null);
        }

        var port = FreePort.Next();
        var dir = Directory.CreateTempSubdirectory("trt-redis-").FullName;
        var process = Process.Start(new ProcessStartInfo("redis-server",
            $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no --dir {dir} --databases 16")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server could not be started (apt-get install -y redis-server).");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        WaitForPing(port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(process);
        return new RedisServer("127.0.0.1", port, process, dir);
    }

    public async ValueTask DisposeAsync()
    {
        await Admin.DisposeAsync();
        if (_process is not null)
        {
            Stop(_process);
        }

        if (_dataDir is not null)
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    private static void WaitForPing(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var probe = ConnectionMultiplexer.Connect($"127.0.0.1:{port},connectTimeout=500");
                probe.GetDatabase().Ping();
                return;
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50); // polling a starting process; not synchronising test logic
            }
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }
}
