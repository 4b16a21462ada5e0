using System.Net;

namespace TrtOrleans.Gateway.Tests;

/// <summary>Session ids are scoped per client: another client's id behaves exactly like a free one.</summary>
public sealed class SessionScopeTests(SecuredGatewayFactory factory) : IClassFixture<SecuredGatewayFactory>
{
    [Fact]
    public async Task AnotherClientsIdIsIndistinguishableFromAFreeId()
    {
        var owner = factory.ClientWithKey(GatewayFactory.ClientKeyA);
        var other = factory.ClientWithKey(GatewayFactory.ClientKeyB);
        var id = Http.NewId();
        Assert.Equal(HttpStatusCode.OK, (await owner.PostJsonAsync("/api/v1/session/create", new { session_id = id })).StatusCode);
        await owner.PostJsonAsync("/api/v1/input", new { session_id = id, user_input = "hello" });

        // Not 409: the id is free in app-b's scope, and app-b's session is its own.
        Assert.Equal(HttpStatusCode.OK, (await other.PostJsonAsync("/api/v1/session/create", new { session_id = id })).StatusCode);
        var theirs = await (await other.GetAsync($"/api/v1/session/{id}/status")).JsonAsync();
        Assert.Equal(0, theirs.GetProperty("turn_count").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await other.DeleteAsync($"/api/v1/session/{id}")).StatusCode);

        var mine = await (await owner.GetAsync($"/api/v1/session/{id}/status")).JsonAsync();
        Assert.Equal(1, mine.GetProperty("turn_count").GetInt32());
        Assert.Equal(id, mine.GetProperty("session_id").GetString());
        await SessionEndpointTests.AssertProblemAsync(
            await owner.PostJsonAsync("/api/v1/session/create", new { session_id = id }), HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task TheAdminListingShowsEveryClientsSessionsWithTheirClient()
    {
        var id = Http.NewId();
        await factory.ClientWithKey(GatewayFactory.ClientKeyA).PostJsonAsync("/api/v1/input", new { session_id = id, user_input = "hello" });
        await factory.ClientWithKey(GatewayFactory.ClientKeyB).PostJsonAsync("/api/v1/input", new { session_id = id, user_input = "hello" });

        var listing = await (await factory.ClientWithKey(GatewayFactory.AdminKey).GetAsync("/api/v1/sessions?limit=1000")).JsonAsync();

        var clients = listing.GetProperty("sessions").EnumerateArray()
            .Where(s => s.GetProperty("session_id").GetString() == id)
            .Select(s => s.GetProperty("client_id").GetString()!)
            .Order()
            .ToArray();
        Assert.Equal(["app-a", "app-b"], clients);
    }
}

/// <summary>Sessions created while authentication was off (the developer default) are not visible to any key once
/// keys are configured on the same storage.</summary>
public sealed class AuthOffSessionsTests
{
    [Fact]
    public async Task SessionsCreatedWithoutKeysAreInvisibleToEveryKeyLater()
    {
        var database = TrtOrleans.TestSupport.RedisServer.Shared.AllocateDatabase();
        var shared = new Dictionary<string, string?>
        {
            ["REDIS_URL"] = TrtOrleans.TestSupport.RedisServer.Shared.Url(database),
            ["Gateway:EmbeddedSilo"] = "true",
            [TrtOrleans.TestSupport.TestKeyRing.Setting.Key] = TrtOrleans.TestSupport.TestKeyRing.Setting.Value,
            ["Orleans:ServiceId"] = "authoff-" + Guid.NewGuid().ToString("N")[..8],
            ["Orleans:ClusterId"] = "authoff-" + Guid.NewGuid().ToString("N")[..8],
        };
        var id = Http.NewId();
        using (var open = new ConfiguredGatewayFactory(keys: false, shared))
        {
            Assert.Equal(HttpStatusCode.OK, (await open.CreateClient().PostJsonAsync("/api/v1/input", new { session_id = id, user_input = "hello" })).StatusCode);
        }

        using var secured = new ConfiguredGatewayFactory(keys: true, shared);
        foreach (var key in new[] { GatewayFactory.ClientKeyA, GatewayFactory.ClientKeyB, GatewayFactory.AdminKey })
        {
            var client = secured.ClientWithKey(key);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/session/{id}/status")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/session/{id}/history")).StatusCode);
        }
    }
}
