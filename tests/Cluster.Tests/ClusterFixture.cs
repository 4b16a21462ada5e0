using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace TrtOrleans.Cluster.Tests;

/// <summary>Starts one real local cluster (Redis with an append-only file, 2 silos, 2 gateways, nginx; all on
/// 127.0.0.1) for the whole collection through deploy/local-cluster.sh, in a private run directory with private
/// ports and cluster ids, and stops it with `down` at the end. Scenarios that change the topology restore it.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private static readonly TimeSpan UpTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly Dictionary<string, string> _environment = [];
    private readonly string _runDir;
    private bool _started;

    public ClusterFixture()
    {
        _runDir = Directory.CreateTempSubdirectory("trt-cluster-tests-").FullName;
        AdminKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        using (var ports = new PortBlock())
        {
            _environment["TRT_PORT"] = ports.Reserve(1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _environment["TRT_REDIS_PORT"] = ports.Reserve(1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _environment["TRT_SILO_PORT_BASE"] = ports.Reserve(Silos).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _environment["TRT_GATEWAY_PORT_BASE"] = ports.Reserve(Silos).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _environment["TRT_SILO_HTTP_BASE"] = ports.Reserve(Silos).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _environment["TRT_GW_HTTP_BASE"] = ports.Reserve(Gateways).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        RedisPort = int.Parse(_environment["TRT_REDIS_PORT"], System.Globalization.CultureInfo.InvariantCulture);
        _environment["TRT_SILOS"] = Silos.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _environment["TRT_GATEWAYS"] = Gateways.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _environment["TRT_CLUSTER_ID"] = $"chaos-{id}";
        ServiceId = $"chaos-svc-{id}";
        _environment["TRT_SERVICE_ID"] = ServiceId;
        _environment["TRT_RUN_DIR"] = _runDir;
        _environment["TRT_ADMIN_KEY"] = AdminKey;
        _environment["TRT_APPENDFSYNC"] = "everysec";
        _environment["TRT_STOP_GRACE"] = "20";
        _environment["TRT_READY_TIMEOUT"] = "120";
        // The first `up` builds Release; later commands never build. No MSBuild node outlives the build it served.
        _environment["MSBUILDDISABLENODEREUSE"] = "1";
    }

    public const int Silos = 2;
    public const int Gateways = 2;

    public string AdminKey { get; }

    public int RedisPort { get; }

    /// <summary>The Orleans ServiceId: the prefix of the grain state keys in Redis.</summary>
    public string ServiceId { get; }

    public Uri GatewayUrl { get; private set; } = null!;

    public Uri Gateway1Url { get; private set; } = null!;

    public Uri Gateway2Url { get; private set; } = null!;

    public TrtApi Api { get; private set; } = null!;

    /// <summary>How long `up` took (build included), for the operations notes.</summary>
    public TimeSpan UpElapsed { get; private set; }

    public async Task InitializeAsync()
    {
        var up = await RunAsync("up", UpTimeout, includeBuild: true);
        if (up.ExitCode != 0)
        {
            // `up` stops what it started when it fails, but not when it was killed for taking too long.
            var logs = LogTail();
            await RunAsync("down", CommandTimeout);
            throw new InvalidOperationException($"local-cluster.sh up failed (exit {up.ExitCode}).\n{Tail(up.StdErr, 40)}\n{logs}");
        }

        _started = true;
        AppDomain.CurrentDomain.ProcessExit += StopOnExit;

        UpElapsed = up.Elapsed;
        var values = up.Values;
        GatewayUrl = new Uri(Required(values, "GATEWAY_URL", up));
        Gateway1Url = new Uri(Required(values, "GATEWAY_1_URL", up));
        Gateway2Url = new Uri(Required(values, "GATEWAY_2_URL", up));
        Api = new TrtApi(AdminKey);
    }

    public async Task DisposeAsync()
    {
        Api?.Dispose();
        AppDomain.CurrentDomain.ProcessExit -= StopOnExit;
        if (_started)
        {
            _started = false;
            await RunAsync("down", CommandTimeout);
        }

        KeepLogs();
        try
        {
            Directory.Delete(_runDir, recursive: true);
        }
        catch (IOException)
        {
            // Redis may still be closing its files for a moment; a leftover temp directory is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>A test host that exits without disposing the fixture (a runner shutting it down) still stops the
    /// cluster: nothing this suite started may outlive it.</summary>
    private void StopOnExit(object? sender, EventArgs e)
    {
        if (_started)
        {
            _started = false;
            RunAsync("down", CommandTimeout).GetAwaiter().GetResult();
        }
    }

    /// <summary>Runs a local-cluster.sh command and fails the test, with the script's output and the components'
    /// log tails, when it does not succeed.</summary>
    public async Task<ScriptResult> RunCheckedAsync(string command, params string[] args)
    {
        var result = await RunAsync(command, CommandTimeout, false, args);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"local-cluster.sh {command} {string.Join(' ', args)} failed (exit {result.ExitCode}).\n{Tail(result.StdErr, 30)}\n{LogTail()}");
        }

        return result;
    }

    /// <summary>`redis-cli` against the cluster's Redis (loopback, no password).</summary>
    public async Task<string> RedisCliAsync(params string[] args)
    {
        var info = new ProcessStartInfo("redis-cli")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-h", "127.0.0.1", "-p", RedisPort.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Concat(args))
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("redis-cli could not be started");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var output = process.StandardOutput.ReadToEndAsync(cts.Token);
        await process.WaitForExitAsync(cts.Token);
        return await output;
    }

    /// <summary>Size of the Redis data directory's append-only files, in bytes.</summary>
    public long AppendOnlyBytes()
    {
        var dir = Path.Combine(_runDir, "redis");
        return Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
                .Where(f => f.Contains("appendonly", StringComparison.Ordinal))
                .Sum(f => new FileInfo(f).Length)
            : 0;
    }

    /// <summary>Every component's log of the running cluster (silos, gateways, Redis, nginx), by file name.</summary>
    public IReadOnlyList<(string Name, string Text)> ComponentLogs()
    {
        var logs = new List<(string, string)>();
        foreach (var dir in new[] { Path.Combine(_runDir, "logs"), Path.Combine(_runDir, "nginx", "logs"), Path.Combine(_runDir, "redis") })
        {
            if (Directory.Exists(dir))
            {
                foreach (var file in Directory.EnumerateFiles(dir, "*.log"))
                {
                    using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                    using var reader = new StreamReader(stream);
                    logs.Add((Path.GetFileName(file), reader.ReadToEnd()));
                }
            }
        }

        return logs;
    }

    /// <summary>Where the component logs of the last run are kept (the run directory itself is deleted).</summary>
    public static string KeptLogsDir => Path.Combine(AppContext.BaseDirectory, "cluster-logs");

    private void KeepLogs()
    {
        // Logs hold ids, sizes and decisions only (never conversation text), so keeping them next to the test
        // binaries is safe; they are what explains a failed run.
        try
        {
            if (Directory.Exists(KeptLogsDir))
            {
                Directory.Delete(KeptLogsDir, recursive: true);
            }

            Directory.CreateDirectory(KeptLogsDir);
            foreach (var dir in new[] { Path.Combine(_runDir, "logs"), Path.Combine(_runDir, "nginx", "logs") })
            {
                if (!Directory.Exists(dir))
                {
                    continue;
                }

                foreach (var file in Directory.EnumerateFiles(dir, "*.log"))
                {
                    var prefix = dir.Contains("nginx", StringComparison.Ordinal) ? "nginx-" : "";
                    File.Copy(file, Path.Combine(KeptLogsDir, prefix + Path.GetFileName(file)), overwrite: true);
                }
            }
        }
        catch (IOException)
        {
            // Best effort: a log that cannot be copied must not fail the run.
        }
    }

    /// <summary>The last lines of every component log in the run directory (for failure messages).</summary>
    public string LogTail()
    {
        var logs = Path.Combine(_runDir, "logs");
        if (!Directory.Exists(logs))
        {
            return "(no logs)";
        }

        var text = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(logs, "*.log").Order(StringComparer.Ordinal))
        {
            text.Append("---- ").Append(Path.GetFileName(file)).Append('\n');
            try
            {
                text.Append(Tail(File.ReadAllText(file), 15)).Append('\n');
            }
            catch (IOException)
            {
                text.Append("(unreadable)\n");
            }
        }

        return text.ToString();
    }

    private async Task<ScriptResult> RunAsync(string command, TimeSpan timeout, bool includeBuild = false, params string[] args)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoRoot.Path,
        };
        info.ArgumentList.Add(RepoRoot.Script);
        info.ArgumentList.Add(command);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in _environment)
        {
            info.Environment[name] = value;
        }

        if (includeBuild)
        {
            info.Environment.Remove("TRT_NO_BUILD");
        }
        else
        {
            info.Environment["TRT_NO_BUILD"] = "1";
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("bash could not be started");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return new ScriptResult(command, -1, await stdout, await stderr + $"\n(timed out after {timeout.TotalSeconds:0} s)", clock.Elapsed);
        }

        return new ScriptResult(command, process.ExitCode, await stdout, await stderr, clock.Elapsed);
    }

    private string Required(IReadOnlyDictionary<string, string> values, string key, ScriptResult up) =>
        values.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : throw new InvalidOperationException($"`up` printed no {key}.\n{Tail(up.StdOut, 20)}\n{Tail(up.StdErr, 20)}\n{LogTail()}");

    private static string Tail(string text, int lines) =>
        string.Join('\n', text.Split('\n').TakeLast(lines));
}
