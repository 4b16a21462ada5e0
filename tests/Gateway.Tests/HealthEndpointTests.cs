using System.Net;

namespace TrtOrleans.Gateway.Tests;

public sealed class HealthEndpointTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task HealthIsHealthyInTheEmbeddedModeAndNamesEveryService()
    {
        var response = await _client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        var services = body.GetProperty("services");
        Assert.Equal("not_configured", services.GetProperty("redis").GetString());
        Assert.Equal("not_configured", services.GetProperty("ollama").GetString());
        Assert.Equal("healthy", services.GetProperty("rag").GetString());
        Assert.Equal("healthy", services.GetProperty("state_machine").GetString());
        Assert.Equal("healthy", services.GetProperty("cluster").GetString());
        Assert.True(body.TryGetProperty("timestamp", out _));
    }

    [Fact]
    public async Task LivenessAndReadinessAnswerOk()
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/health/ready")).StatusCode);
    }
}
