using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace TrtOrleans.Gateway.Tests;

/// <summary>Request-time defences of the edge: DNS rebinding, Basic authentication only for dashboard reads, the
/// failed-authentication limit, CORS and the dashboard's grain-state view.</summary>
public sealed class EdgeRequestTests
{
    [Theory]
    [InlineData("evil.example", HttpStatusCode.BadRequest)]
    [InlineData("evil.example:8090", HttpStatusCode.BadRequest)]
    [InlineData("127.0.0.1.nip.io", HttpStatusCode.BadRequest)]
    [InlineData("localhost:8090", HttpStatusCode.OK)]
    [InlineData("127.0.0.1:8090", HttpStatusCode.OK)]
    [InlineData("[::1]:8090", HttpStatusCode.OK)]
    public async Task WithoutKeysOnlyRequestsAddressedToLoopbackAreAnswered(string host, HttpStatusCode expected)
    {
        using var factory = new ConfiguredGatewayFactory(keys: false, new Dictionary<string, string?>());
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/session/create");
        request.Headers.Host = host;

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task WithKeysAnyHostIsAnswered()
    {
        using var factory = new ConfiguredGatewayFactory(keys: true, new Dictionary<string, string?>());
        var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Host = "trt.example.org";

        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task BasicAuthenticationOpensOnlyDashboardReads()
    {
        using var factory = new ConfiguredGatewayFactory(keys: true, new Dictionary<string, string?>());
        var basic = factory.CreateClient();
        basic.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + GatewayFactory.AdminKey)));

        Assert.Equal(HttpStatusCode.OK, (await basic.GetAsync("/dashboard/")).StatusCode);
        // A cross-site form can carry Basic credentials but not X-API-Key: no admin call, above all no state change.
        Assert.Equal(HttpStatusCode.Unauthorized, (await basic.PostAsync("/api/v1/admin/cleanup", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await basic.GetAsync("/api/v1/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await basic.DeleteAsync($"/api/v1/session/{Http.NewId()}")).StatusCode);

        var keyed = factory.ClientWithKey(GatewayFactory.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await keyed.PostAsync("/api/v1/admin/cleanup", null)).StatusCode);
    }

    [Fact]
    public async Task FailedAuthenticationIsLimitedPerSource()
    {
        using var factory = new ConfiguredGatewayFactory(keys: true, new Dictionary<string, string?> { ["Gateway:AuthFailures:MaxFailures"] = "10" });
        var wrong = factory.ClientWithKey("guess");
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync($"/api/v1/session/{Http.NewId()}/status")).StatusCode);
        }

        var blocked = await wrong.GetAsync($"/api/v1/session/{Http.NewId()}/status");
        var evenTheRightKey = await factory.ClientWithKey(GatewayFactory.ClientKeyA).GetAsync($"/api/v1/session/{Http.NewId()}/status");

        await SessionEndpointTests.AssertProblemAsync(blocked, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.NotNull(blocked.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.TooManyRequests, evenTheRightKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await wrong.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task NoCorsHeadersByDefault()
    {
        using var factory = new ConfiguredGatewayFactory(keys: true, new Dictionary<string, string?>());

        var response = await factory.CreateClient().SendAsync(Preflight("https://app.example.org"));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task CorsAllowsOnlyTheListedOrigins()
    {
        using var factory = new ConfiguredGatewayFactory(keys: true, new Dictionary<string, string?>
        {
            ["Gateway:Cors:AllowedOrigins:0"] = "https://app.example.org",
        });
        var client = factory.CreateClient();

        var allowed = await client.SendAsync(Preflight("https://app.example.org"));
        var other = await client.SendAsync(Preflight("https://evil.example"));

        Assert.Equal("https://app.example.org", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task TheDashboardNeverShowsGrainState()
    {
        using var factory = new ConfiguredGatewayFactory(keys: true, new Dictionary<string, string?>());
        var marker = "Marker" + Guid.NewGuid().ToString("N")[..10];
        var id = Http.NewId();
        await factory.ClientWithKey(GatewayFactory.ClientKeyA).PostJsonAsync("/api/v1/input", new { session_id = id, user_input = $"I feel {marker} today" });
        var admin = factory.ClientWithKey(GatewayFactory.AdminKey);

        foreach (var path in new[]
        {
            $"/dashboard/GrainState?grainId=session/app-a~{id}&grainType=TrtOrleans.Grains.SessionGrain",
            $"/dashboard/grainstate?grainId=session/app-a~{id}&grainType=TrtOrleans.Grains.SessionGrain",
            "/dashboard/GrainState",
        })
        {
            var response = await admin.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(marker, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/dashboard/ClusterStats")).StatusCode);
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/input");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type,x-api-key");
        return request;
    }
}
