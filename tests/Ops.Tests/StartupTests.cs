using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using TrtOrleans.TestSupport;

namespace TrtOrleans.Ops.Tests;

/// <summary>Start-up failures of the built gateway and silo explain themselves.</summary>
public sealed class StartupTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Gateway_with_its_http_port_taken_says_so_in_one_line_and_exits_1()
    {
        using var holder = Hold(out var port);
        await using var gateway = AppProcess.Start(Binaries.Gateway, new Dictionary<string, string>
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["Orleans__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        });

        Assert.Equal(1, await gateway.WaitForExitAsync(ExitTimeout));
        var output = gateway.Lines.Where(l => l.Trim().Length > 0).ToList();
        var line = Assert.Single(output);
        Assert.Contains($"port {port}", line, StringComparison.Ordinal);
        Assert.Contains("already in use", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silo_with_its_orleans_port_taken_says_so_in_one_line_and_exits_1()
    {
        using var holder = Hold(out var port);
        await using var silo = AppProcess.Start(Binaries.Silo, new Dictionary<string, string>
        {
            ["urls"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["Orleans__SiloPort"] = port.ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        });

        Assert.Equal(1, await silo.WaitForExitAsync(ExitTimeout));
        var line = Assert.Single(silo.Lines, l => l.Trim().Length > 0);
        Assert.Contains($"port {port}", line, StringComparison.Ordinal);
        Assert.Contains("Orleans:SiloPort", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gateway_without_a_silo_serves_health_503_with_the_reason_and_logs_one_hint()
    {
        var redis = RedisServer.Shared;
        var cluster = new TestCluster(redis.Url(redis.AllocateDatabase()));
        await using var gateway = AppProcess.Start(Binaries.Gateway, new Dictionary<string, string>
        {
            ["REDIS_URL"] = cluster.RedisUrl,
            ["Orleans__ClusterId"] = cluster.ClusterId,
            ["Orleans__ServiceId"] = cluster.ServiceId,
            ["urls"] = cluster.GatewayUrl.ToString().TrimEnd('/'),
        });
        await gateway.WaitForLineAsync(l => l.Contains("Now listening on", StringComparison.Ordinal), TimeSpan.FromMinutes(1));

        using var http = new HttpClient { BaseAddress = cluster.GatewayUrl };
        var health = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        using var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal("unhealthy", body.RootElement.GetProperty("status").GetString());
        Assert.Contains("Gateway:EmbeddedSilo=true", body.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);

        await gateway.WaitForLineAsync(l => l.Contains("No silo reachable", StringComparison.Ordinal), TimeSpan.FromMinutes(1));
        Assert.Single(gateway.Lines, l => l.Contains("No silo reachable", StringComparison.Ordinal));
        Assert.Contains(gateway.Lines, l => l.Contains("start a silo", StringComparison.Ordinal) && l.Contains("Gateway:EmbeddedSilo=true", StringComparison.Ordinal));
        // Orleans' own repeated "Could not find any gateway" warning is filtered: the hint replaces it.
        Assert.DoesNotContain(gateway.Lines, l => l.Contains("Could not find any gateway", StringComparison.Ordinal));
    }

    /// <summary>Keeps a loopback port busy for the duration of a test.</summary>
    private static TcpListener Hold(out int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        port = ((IPEndPoint)listener.LocalEndpoint).Port;
        return listener;
    }
}
