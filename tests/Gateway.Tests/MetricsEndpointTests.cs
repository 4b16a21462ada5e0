using System.Net;

namespace TrtOrleans.Gateway.Tests;

/// <summary>/metrics (Prometheus) on the gateway: admin-only when keys are configured, and the product meters appear.</summary>
public sealed class MetricsEndpointTests(SecuredGatewayFactory factory) : IClassFixture<SecuredGatewayFactory>
{
    [Fact]
    public async Task MetricsNeedAnAdminKey()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientWithKey(null).GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientWithKey(GatewayFactory.ClientKeyA).GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task MetricsShowTurnsAfterATurn()
    {
        var client = factory.ClientWithKey(GatewayFactory.ClientKeyA);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/v1/input", new { session_id = Http.NewId(), user_input = "hello" })).StatusCode);

        var response = await factory.ClientWithKey(GatewayFactory.AdminKey).GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("trt_turns_total{", text, StringComparison.Ordinal);
        Assert.Contains("trt_turn_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
    }
}
