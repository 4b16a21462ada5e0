using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using TrtOrleans.TestSupport;

namespace TrtOrleans.Ops.Tests;

/// <summary>A silo's /metrics: admin key when keys are configured; only on the separate address when one is set.</summary>
public sealed class MetricsAccessTests
{
    private const string AdminKey = "ops-admin-key";

    [Fact]
    public async Task Silo_metrics_need_an_admin_key_when_keys_are_configured()
    {
        var http = FreePort.Next();
        await using var silo = await StartSiloAsync(http, new()
        {
            ["Auth__Keys__0__ClientId"] = "ops-admin",
            ["Auth__Keys__0__Role"] = "admin",
            ["Auth__Keys__0__Sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AdminKey))),
        });
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{http}") };

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/metrics")).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "X-API-Key", AdminKey } } };
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("orleans_", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_metrics_url_the_silo_serves_metrics_there_only()
    {
        var http = FreePort.Next();
        var metrics = FreePort.Next();
        await using var silo = await StartSiloAsync(http, new() { ["Telemetry__MetricsUrl"] = $"http://127.0.0.1:{metrics}" });

        using var main = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{http}") };
        using var separate = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metrics}") };
        Assert.Equal(HttpStatusCode.NotFound, (await main.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await main.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await separate.GetAsync("/metrics")).StatusCode);
    }

    private static async Task<AppProcess> StartSiloAsync(int httpPort, Dictionary<string, string> extra)
    {
        var environment = new Dictionary<string, string>(extra)
        {
            ["urls"] = $"http://127.0.0.1:{httpPort}",
            ["Orleans__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans__ClusterId"] = "ops-m-" + Guid.NewGuid().ToString("N")[..8],
        };
        var silo = AppProcess.Start(Binaries.Silo, environment);
        await silo.WaitForLineAsync(l => l.Contains("Application started", StringComparison.Ordinal), TimeSpan.FromMinutes(2));
        return silo;
    }
}
