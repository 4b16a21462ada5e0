using System.Net;

namespace TrtOrleans.Gateway.Tests;

/// <summary>api.md authentication with configured keys: roles, ownership, admin endpoints and the dashboard.</summary>
public sealed class AuthenticationTests(SecuredGatewayFactory factory) : IClassFixture<SecuredGatewayFactory>
{
    [Fact]
    public async Task ClientEndpointsNeedAKey()
    {
        var anonymous = factory.ClientWithKey(null);
        var wrong = factory.ClientWithKey("not-a-key");

        await SessionEndpointTests.AssertProblemAsync(
            await anonymous.PostJsonAsync("/api/v1/input", new { session_id = Http.NewId(), user_input = "hi" }), HttpStatusCode.Unauthorized, "unauthorized");
        await SessionEndpointTests.AssertProblemAsync(
            await wrong.PostJsonAsync("/api/v1/input", new { session_id = Http.NewId(), user_input = "hi" }), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task AnotherClientsSessionIsNotFound()
    {
        var owner = factory.ClientWithKey(GatewayFactory.ClientKeyA);
        var other = factory.ClientWithKey(GatewayFactory.ClientKeyB);
        var id = Http.NewId();
        Assert.Equal(HttpStatusCode.OK, (await owner.PostJsonAsync("/api/v1/input", new { session_id = id, user_input = "hello" })).StatusCode);

        await SessionEndpointTests.AssertProblemAsync(await other.GetAsync($"/api/v1/session/{id}/status"), HttpStatusCode.NotFound, "not_found");
        await SessionEndpointTests.AssertProblemAsync(await other.GetAsync($"/api/v1/session/{id}/history"), HttpStatusCode.NotFound, "not_found");
        await SessionEndpointTests.AssertProblemAsync(await other.DeleteAsync($"/api/v1/session/{id}"), HttpStatusCode.NotFound, "not_found");
        // Input to that id starts other's own session (ids are scoped per client), leaving the owner's untouched.
        var own = await (await other.PostJsonAsync($"/api/v1/session/{id}/input", new { user_input = "hello" })).JsonAsync();
        Assert.Equal(1, own.GetProperty("turn").GetInt32());

        var status = await (await owner.GetAsync($"/api/v1/session/{id}/status")).JsonAsync();
        Assert.Equal(1, status.GetProperty("turn_count").GetInt32());
        Assert.Equal("app-a", status.GetProperty("metadata").GetProperty("client_id").GetString());
    }

    [Theory]
    [InlineData("/api/v1/sessions")]
    [InlineData("/api/v1/analytics/daily/2026-11-26")]
    [InlineData("/dashboard")]
    public async Task AdminEndpointsAnswer401WithoutAKeyAnd403WithAClientKey(string path)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientWithKey(null).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientWithKey(GatewayFactory.ClientKeyA).GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task AdminKeyListsSessions()
    {
        var admin = factory.ClientWithKey(GatewayFactory.AdminKey);
        var id = Http.NewId();
        await factory.ClientWithKey(GatewayFactory.ClientKeyA).PostJsonAsync("/api/v1/input", new { session_id = id, user_input = "hello" });

        var listing = await (await admin.GetAsync("/api/v1/sessions?limit=1000")).JsonAsync();

        Assert.Contains(listing.GetProperty("sessions").EnumerateArray(), s => s.GetProperty("session_id").GetString() == id);
    }

    [Fact]
    public async Task DashboardOpensWithTheAdminKeyAsBasicPassword()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("admin:" + GatewayFactory.AdminKey)));

        // The trailing slash avoids a redirect, on which HttpClient drops the Authorization header.
        var response = await client.GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
