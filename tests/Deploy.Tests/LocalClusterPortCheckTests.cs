using System.Net;
using System.Net.Sockets;

namespace TrtOrleans.Deploy.Tests;

/// <summary>local-cluster.sh checks every port before it builds anything, and `status` probes the ports the
/// cluster was started with (its cluster.env), also after `down`.</summary>
public sealed class LocalClusterPortCheckTests : IDisposable
{
    private const string ScriptPath = "deploy/local-cluster.sh";

    private readonly string _runDir = Directory.CreateTempSubdirectory("trt-lc-ports-").FullName;

    public void Dispose() => Directory.Delete(_runDir, recursive: true);

    [Fact]
    public void Up_with_a_taken_port_fails_before_building()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        var (exitCode, _, stderr) = Run(PrivatePorts(front: port), "up");

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"port {port} for nginx (TRT_PORT) is already in use", stderr);
        Assert.DoesNotContain("building Release", stderr);
        Assert.False(File.Exists(Path.Combine(_runDir, "logs", "build.log")), "the build started although a port was taken");
    }

    [Fact]
    public void Up_with_overlapping_port_ranges_names_both_users_before_building()
    {
        var environment = PrivatePorts(front: FreePort());
        environment["TRT_SILOS"] = "2";
        environment["TRT_GW_HTTP_BASE"] = (int.Parse(environment["TRT_SILO_HTTP_BASE"], System.Globalization.CultureInfo.InvariantCulture) + 1)
            .ToString(System.Globalization.CultureInfo.InvariantCulture);

        var (exitCode, _, stderr) = Run(environment, "up");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("is planned for both silo-2 http (TRT_SILO_HTTP_BASE) and gateway-1 http (TRT_GW_HTTP_BASE)", stderr);
        Assert.DoesNotContain("building Release", stderr);
    }

    [Fact]
    public void Status_after_down_still_probes_the_ports_the_cluster_was_started_with()
    {
        // cluster.env as `up` leaves it; the caller's environment now says something else.
        File.WriteAllText(Path.Combine(_runDir, "cluster.env"),
            "TRT_PORT=18123\nTRT_SILOS=1\nTRT_GATEWAYS=1\nTRT_REDIS_PORT=18124\nTRT_SILO_PORT_BASE=18125\n" +
            "TRT_GATEWAY_PORT_BASE=18126\nTRT_SILO_HTTP_BASE=18127\nTRT_GW_HTTP_BASE=18128\n");
        var (downExit, _, _) = Run(new Dictionary<string, string>(), "down");
        Assert.Equal(0, downExit);

        var (exitCode, stdout, stderr) = Run(new Dictionary<string, string> { ["TRT_PORT"] = "9999" }, "status");

        Assert.Equal(0, exitCode);
        Assert.Contains("port=18123", stdout);
        Assert.Contains("port=18124", stdout);
        Assert.Contains("http=18128", stdout);
        Assert.DoesNotContain("9999", stdout);
        Assert.Contains("it is down", stderr);
    }

    private Dictionary<string, string> PrivatePorts(int front) => new()
    {
        ["TRT_PORT"] = front.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["TRT_REDIS_PORT"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["TRT_SILOS"] = "1",
        ["TRT_GATEWAYS"] = "1",
        ["TRT_SILO_PORT_BASE"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["TRT_GATEWAY_PORT_BASE"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["TRT_SILO_HTTP_BASE"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["TRT_GW_HTTP_BASE"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private (int ExitCode, string StdOut, string StdErr) Run(Dictionary<string, string> environment, string command)
    {
        environment["TRT_RUN_DIR"] = _runDir;
        environment["TRT_STOP_GRACE"] = "5";
        return ProcessRunner.Run("bash", environment, ScriptPath, command);
    }
}
