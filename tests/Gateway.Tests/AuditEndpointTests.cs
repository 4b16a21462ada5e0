using System.Net;
using TrtOrleans.Grains.Safety;
using TrtOrleans.TestSupport;

namespace TrtOrleans.Gateway.Tests;

/// <summary>GET /api/v1/admin/audit and /admin/audit/verify on a real redis-server: records of a crisis
/// conversation, no client text, and verification failing once a record is altered in Redis.</summary>
public sealed class AuditEndpointTests(AuditEndpointTests.Factory factory) : IClassFixture<AuditEndpointTests.Factory>
{
    [Fact]
    public async Task VerificationPassesAfterACrisisConversationAndFailsAfterARecordIsAltered()
    {
        var id = Http.NewId();
        var client = factory.ClientWithKey(GatewayFactory.ClientKeyA);
        var admin = factory.ClientWithKey(GatewayFactory.AdminKey);
        await client.PostJsonAsync("/api/v1/input", new { session_id = id, user_input = "Hi, work is a lot" });
        await client.PostJsonAsync("/api/v1/input", new { session_id = id, user_input = "I want to kill myself" });

        var audit = await admin.GetAsync($"/api/v1/admin/audit?session_id={id}&client_id=app-a");
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        var body = await audit.JsonAsync();
        var records = body.GetProperty("records").EnumerateArray().ToList();
        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.Equal(body.GetProperty("session_ref").GetString(), r.GetProperty("session_ref").GetString()));
        Assert.DoesNotContain("kill", body.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/admin/audit?session_id={id}")).StatusCode); // admin's own scope
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/admin/audit?session_id={id}")).StatusCode);

        var valid = await (await admin.GetAsync("/api/v1/admin/audit/verify")).JsonAsync();
        Assert.True(valid.GetProperty("valid").GetBoolean());
        Assert.True(valid.GetProperty("records").GetInt64() >= records.Count);
        Assert.False(valid.TryGetProperty("first_bad", out _));

        var db = RedisServer.Shared.Admin.GetDatabase(factory.RedisDatabase);
        var seq = records[0].GetProperty("seq").GetInt64();
        var chainKey = RedisServer.Shared.Admin.GetServers()[0].Keys(factory.RedisDatabase, "*{audit}:chain").Single();
        var original = (string)(await db.ListGetByIndexAsync(chainKey, seq - 1))!;
        await db.ListSetByIndexAsync(chainKey, seq - 1, original.Replace("\"turn\":2", "\"turn\":3", StringComparison.Ordinal));

        var broken = await (await admin.GetAsync("/api/v1/admin/audit/verify")).JsonAsync();

        Assert.False(broken.GetProperty("valid").GetBoolean());
        Assert.Equal(seq, broken.GetProperty("first_bad").GetInt64());
    }

    public sealed class Factory : GatewayFactory
    {
        protected override bool WithRedis => true;

        protected override bool WithKeys => true;
    }
}
