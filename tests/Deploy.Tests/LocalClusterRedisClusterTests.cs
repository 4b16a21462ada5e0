using System.Net;
using System.Net.Sockets;

namespace TrtOrleans.Deploy.Tests;

/// <summary>
/// deploy/local-cluster.sh with TRT_REDIS_CLUSTER=1 starts a real 3-master Redis Cluster (append-only file on each
/// node), reports it in status, and stop-redis/start-redis bring the same cluster back with its data. The product
/// on a Redis Cluster is covered by RedisClusterTests (tests/Grains.Tests); this pins the script's part.
/// </summary>
public sealed class LocalClusterRedisClusterTests : IDisposable
{
    private const string ScriptPath = "deploy/local-cluster.sh";

    private readonly string _runDir = Directory.CreateTempSubdirectory("trt-lc-rcluster-").FullName;
    private readonly int _port;
    private readonly int _busPort;

    public LocalClusterRedisClusterTests()
    {
        var held = new List<TcpListener>();
        _port = ReserveConsecutive(3, held);
        _busPort = ReserveConsecutive(3, held);
        held.ForEach(l => l.Stop());
        // The state of a running cluster, as `up` writes it: later commands read it, so start-redis needs no `up`
        // (and no build) here.
        File.WriteAllText(Path.Combine(_runDir, "cluster.env"),
            $"TRT_REDIS_CLUSTER=1\nTRT_REDIS_MASTERS=3\nTRT_REDIS_PORT={_port}\nTRT_REDIS_BUS_PORT_BASE={_busPort}\n" +
            "TRT_APPENDFSYNC=everysec\nTRT_STOP_GRACE=10\n");
    }

    public void Dispose()
    {
        RunScript("down");
        Directory.Delete(_runDir, recursive: true);
    }

    [Fact]
    public void Cluster_mode_starts_three_masters_serving_every_slot_and_a_restart_keeps_the_data()
    {
        var (started, stdout, stderr) = RunScript("start-redis");
        Assert.True(started == 0, stderr);
        Assert.Equal(["REDIS_1_PID", "REDIS_2_PID", "REDIS_3_PID"], stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=')[0]));

        var info = Cli(_port, "cluster", "info");
        Assert.Contains("cluster_state:ok", info);
        Assert.Contains("cluster_slots_assigned:16384", info);
        Assert.Contains("cluster_size:3", info);
        Assert.Contains("aof_enabled:1", Cli(_port + 2, "info", "persistence"));
        // Keys of different hash tags land on different masters; -c follows the MOVED redirections.
        var tags = Enumerable.Range(0, 12).Select(i => $"{{b{i:x2}}}:probe").ToList();
        tags.ForEach(key => Assert.Equal("OK", Cli(_port, "-c", "set", key, key).Trim()));
        var perNode = Enumerable.Range(0, 3).Select(n => int.Parse(Cli(_port + n, "dbsize").Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(12, perNode.Sum());
        Assert.True(perNode.Count(c => c > 0) >= 2, $"keys per node: {string.Join(",", perNode)}");

        var status = RunScript("status").StdOut.Split('\n').Where(l => l.StartsWith("redis", StringComparison.Ordinal)).ToList();
        Assert.Equal(["redis-1", "redis-2", "redis-3"], status.Select(l => l.Split(' ')[0]));
        Assert.All(status, l => Assert.Contains("alive=yes", l));
        Assert.All(status, l => Assert.Contains("cluster_state=ok", l));

        Assert.Equal(0, RunScript("stop-redis").ExitCode);
        Assert.All(RunScript("status").StdOut.Split('\n').Where(l => l.StartsWith("redis", StringComparison.Ordinal)), l => Assert.Contains("alive=no", l));

        var (restarted, _, restartErr) = RunScript("start-redis");
        Assert.True(restarted == 0, restartErr);
        Assert.DoesNotContain("creating the cluster", restartErr); // the slot map came back from nodes.conf
        tags.ForEach(key => Assert.Equal(key, Cli(_port, "-c", "get", key).Trim()));
    }

    private static string Cli(int port, params string[] args)
    {
        var (exitCode, stdout, stderr) = ProcessRunner.Run("redis-cli", ["-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. args]);
        Assert.True(exitCode == 0, stderr);
        return stdout;
    }

    private (int ExitCode, string StdOut, string StdErr) RunScript(params string[] args) =>
        ProcessRunner.Run("bash", new Dictionary<string, string> { ["TRT_RUN_DIR"] = _runDir }, [ScriptPath, .. args]);

    /// <summary>The first of <paramref name="count"/> consecutive loopback ports that are free now (held until the
    /// caller releases them, so the two runs differ).</summary>
    private static int ReserveConsecutive(int count, List<TcpListener> held)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var first = new TcpListener(IPAddress.Loopback, 0);
            first.Start();
            var start = ((IPEndPoint)first.LocalEndpoint).Port;
            var run = new List<TcpListener> { first };
            for (var i = 1; i < count && start + i <= IPEndPoint.MaxPort; i++)
            {
                try
                {
                    var next = new TcpListener(IPAddress.Loopback, start + i);
                    next.Start();
                    run.Add(next);
                }
                catch (SocketException)
                {
                    break;
                }
            }

            if (run.Count == count)
            {
                held.AddRange(run);
                return start;
            }

            run.ForEach(l => l.Stop());
        }

        throw new InvalidOperationException($"no {count} consecutive free loopback ports found");
    }
}
