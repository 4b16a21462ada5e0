using System.Diagnostics;
using StackExchange.Redis;

namespace TrtOrleans.TestSupport;

/// <summary>A real 3-master Redis Cluster for tests: three private redis-server processes with
/// <c>--cluster-enabled yes</c> on free loopback ports (client and bus port each chosen free, so nothing depends on
/// port + 10000 being free), joined by <c>redis-cli --cluster create … --cluster-replicas 0</c>. Started per fixture
/// and stopped on dispose; a cluster has database 0 only, so each user needs its own cluster or its own key prefix.</summary>
public sealed class RedisCluster : IAsyncDisposable
{
    private readonly List<Process> _processes;
    private readonly string _dataDir;

    private RedisCluster(IReadOnlyList<int> ports, List<Process> processes, string dataDir)
    {
        Ports = ports;
        _processes = processes;
        _dataDir = dataDir;
        Admin = ConnectionMultiplexer.Connect(string.Join(",", ports.Select(p => $"127.0.0.1:{p}")) + ",allowAdmin=true,abortConnect=false");
    }

    public IReadOnlyList<int> Ports { get; }

    /// <summary>A cluster-aware connection for assertions (follows MOVED, SCANs each master).</summary>
    public ConnectionMultiplexer Admin { get; }

    /// <summary>The product's REDIS_URL form for a cluster: every node as a seed.</summary>
    public string Url => "redis://" + string.Join(",", Ports.Select(p => $"127.0.0.1:{p}"));

    public static async Task<RedisCluster> StartAsync(int masters = 3)
    {
        var dir = Directory.CreateTempSubdirectory("trt-rcluster-").FullName;
        var ports = new List<int>();
        var processes = new List<Process>();
        try
        {
            for (var i = 0; i < masters; i++)
            {
                var port = FreePort.Next();
                var busPort = FreePort.Next();
                var nodeDir = Directory.CreateDirectory(Path.Combine(dir, $"n{i}")).FullName;
                var server = Run("redis-server",
                    $"--port {port} --cluster-port {busPort} --bind 127.0.0.1 --cluster-enabled yes " +
                    $"--cluster-config-file nodes.conf --cluster-node-timeout 5000 --save \"\" --appendonly no --dir {nodeDir}");
                server.OutputDataReceived += (_, _) => { }; // drained so a full pipe never blocks the server
                server.ErrorDataReceived += (_, _) => { };
                server.BeginOutputReadLine();
                server.BeginErrorReadLine();
                processes.Add(server);
                ports.Add(port);
            }

            foreach (var port in ports)
            {
                await WaitForPingAsync(port);
            }

            var create = Run("redis-cli",
                "--cluster create " + string.Join(" ", ports.Select(p => $"127.0.0.1:{p}")) + " --cluster-replicas 0 --cluster-yes");
            var output = await create.StandardOutput.ReadToEndAsync();
            await create.WaitForExitAsync();
            if (create.ExitCode != 0 || !output.Contains("All 16384 slots covered", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"redis-cli --cluster create failed (exit {create.ExitCode}).");
            }

            var cluster = new RedisCluster(ports, processes, dir);
            await cluster.WaitUntilServingAsync();
            return cluster;
        }
        catch
        {
            processes.ForEach(Stop);
            Directory.Delete(dir, recursive: true);
            throw;
        }
    }

    /// <summary>Every key of the cluster (SCAN on each master).</summary>
    public List<string> ScanKeys(string pattern = "*") =>
        [.. Admin.GetServers().Where(s => !s.IsReplica).SelectMany(s => s.Keys(0, pattern, pageSize: 500)).Select(k => (string)k!)];

    public async ValueTask DisposeAsync()
    {
        await Admin.DisposeAsync();
        _processes.ForEach(Stop);
        Directory.Delete(_dataDir, recursive: true);
    }

    /// <summary>Waits until every node reports cluster_state:ok and the client sees all masters (gossip converges
    /// a moment after --cluster create returns).</summary>
    private async Task WaitUntilServingAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var ok = true;
            foreach (var port in Ports)
            {
                var info = (string?)await Admin.GetServer("127.0.0.1", port).ExecuteAsync("CLUSTER", "INFO");
                ok &= info is not null && info.Contains("cluster_state:ok", StringComparison.Ordinal);
            }

            if (ok)
            {
                await Admin.ConfigureAsync();
                if (Admin.GetServers().Count(s => !s.IsReplica && s.IsConnected) == Ports.Count)
                {
                    return;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("The Redis Cluster did not reach cluster_state:ok within 30 s.");
            }

            await Task.Delay(100); // polling external processes; not synchronising test logic
        }
    }

    private static Process Run(string file, string arguments)
    {
        var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"{file} could not be started (apt-get install -y redis-server).");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(process);
        return process;
    }

    private static async Task WaitForPingAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},connectTimeout=500");
                await probe.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50); // polling a starting process; not synchronising test logic
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
