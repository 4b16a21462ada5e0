using System.Security.Cryptography;
using System.Text;
using TrtOrleans.Grains.Safety;

namespace TrtOrleans.Grains.Tests;

/// <summary>The crisis audit: one keyed session reference for the grain's and the engine's events, a hash chain an
/// admin can read and verify, no client text, and tampering detected.</summary>
public sealed class AuditTrailTests(TrtClusterFixture fixture) : IClassFixture<TrtClusterFixture>
{
    private const string RefKey = "test-session-reference-key-0123456789abcdef";

    private IAdminGrain Admin => fixture.Grains.GetGrain<IAdminGrain>(0);

    [Fact]
    public async Task GrainAndEngineEventsOfOneSessionJoinUnderOneKeyedReference()
    {
        var id = "audit_" + Guid.NewGuid().ToString("N")[..8];
        var grain = fixture.Grains.GetGrain<ISessionGrain>(id);
        // Eleven crisis inputs within a minute: engine crisis events, and the grain's rate-limit bypass on the 11th.
        for (var i = 0; i < 11; i++)
        {
            Assert.Equal(InputStatus.Processed, (await grain.SendInputAsync(SessionPersistenceTests.Input("I want to kill myself"))).Status);
        }

        var found = await Admin.ReadAuditAsync(id, 1000);

        var expectedRef = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(RefKey), Encoding.UTF8.GetBytes(id)))[..32];
        Assert.Equal(expectedRef, found.SessionRef);
        Assert.Contains(found.Records, r => r.Event == "crisis_rate_limit_bypassed");
        Assert.Contains(found.Records, r => r.Event != "crisis_rate_limit_bypassed");
        Assert.All(found.Records, r => Assert.Equal(expectedRef, r.SessionRef));
        Assert.All(found.Records, r => Assert.False(string.IsNullOrEmpty(r.EngineVersion)));
        Assert.Equal(found.Records.OrderBy(r => r.Seq).Select(r => r.Seq), found.Records.Select(r => r.Seq));
        Assert.True((await Admin.VerifyAuditAsync()).Valid);

        var db = fixture.Redis.Admin.GetDatabase(fixture.Database);
        var chain = await db.ListRangeAsync(fixture.Keys.AuditKey("chain"));
        Assert.All(chain, json => Assert.DoesNotContain("kill", (string)json!, StringComparison.OrdinalIgnoreCase));
        Assert.All(chain, json => Assert.DoesNotContain(id, (string)json!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AlteringOneRecordInRedisFailsVerificationAtThatRecord()
    {
        var id = "tamper_" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Grains.GetGrain<ISessionGrain>(id).SendInputAsync(SessionPersistenceTests.Input("I want to die"));
        var record = (await Admin.ReadAuditAsync(id, 10)).Records[0];
        var before = await Admin.VerifyAuditAsync();
        Assert.True(before.Valid);

        var db = fixture.Redis.Admin.GetDatabase(fixture.Database);
        var first = AuditChain.Deserialize((await db.ListGetByIndexAsync(fixture.Keys.AuditKey("chain"), 0))!)!;
        var index = record.Seq - first.Seq;
        var original = (string)(await db.ListGetByIndexAsync(fixture.Keys.AuditKey("chain"), index))!;
        await db.ListSetByIndexAsync(fixture.Keys.AuditKey("chain"), index, original.Replace(record.RiskLevel, "none", StringComparison.Ordinal));
        try
        {
            var after = await Admin.VerifyAuditAsync();

            Assert.False(after.Valid);
            Assert.Equal(record.Seq, after.FirstBad);
        }
        finally
        {
            await db.ListSetByIndexAsync(fixture.Keys.AuditKey("chain"), index, original);
        }

        Assert.True((await Admin.VerifyAuditAsync()).Valid);
    }

    [Fact]
    public async Task ASessionWithoutCrisisHasNoRecordsAndTheReferenceIsNotAPlainHash()
    {
        var id = "calm_" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Grains.GetGrain<ISessionGrain>(id).SendInputAsync(SessionPersistenceTests.Input("Work has been a lot lately"));

        var found = await Admin.ReadAuditAsync(id, 10);

        Assert.Empty(found.Records);
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..32], found.SessionRef);
    }
}

/// <summary>The outbox: an audit write that fails after the turn committed is not lost; it stays in the session's
/// state and reaches the chain exactly once on a later call, even after the activation moved.</summary>
public sealed class AuditOutboxTests(AuditOutboxTests.Fixture fixture) : IClassFixture<AuditOutboxTests.Fixture>
{
    [Fact]
    public async Task AuditRecordsOfACommittedTurnSurviveAFailedAuditWrite()
    {
        var id = "outbox_" + Guid.NewGuid().ToString("N")[..8];
        var grain = fixture.Grains.GetGrain<ISessionGrain>(id);
        var admin = fixture.Grains.GetGrain<IAdminGrain>(0);
        FaultInjectingAuditTrail.Failing = true;
        try
        {
            var reply = await grain.SendInputAsync(SessionPersistenceTests.Input("I want to kill myself"));
            Assert.True(reply.Response!.Safety.Crisis);
            Assert.Empty((await admin.ReadAuditAsync(id, 10)).Records);
        }
        finally
        {
            FaultInjectingAuditTrail.Failing = false;
        }

        await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await grain.SendInputAsync(SessionPersistenceTests.Input("I am safe now"));
        await grain.SendInputAsync(SessionPersistenceTests.Input("thank you"));

        var records = (await admin.ReadAuditAsync(id, 100)).Records;
        Assert.NotEmpty(records);
        Assert.Equal(records.Length, records.Select(r => r.Seq).Distinct().Count());
        Assert.Single(records, r => r.Turn == 1 && r.Event == records[0].Event);
        Assert.True((await admin.VerifyAuditAsync()).Valid);
    }

    public sealed class Fixture : TrtClusterFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["TrtTest:AuditFaults"] = "true" };
    }
}

/// <summary>Retention of the audit is its own (default 90 days), far beyond the 24 h of session data.</summary>
public sealed class AuditRetentionTests(TrtClusterFixture fixture) : IClassFixture<TrtClusterFixture>
{
    [Fact]
    public async Task RecordsOutliveTheSessionAndLeaveAfterTheRetentionWithTheChainStillValid()
    {
        var old = "old_" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Grains.GetGrain<ISessionGrain>(old).SendInputAsync(SessionPersistenceTests.Input("I want to die"));
        fixture.Clock.Advance(TimeSpan.FromDays(2));
        var admin = fixture.Grains.GetGrain<IAdminGrain>(0);
        await admin.CleanupAsync(TimeSpan.FromHours(24));
        Assert.Null(await fixture.Grains.GetGrain<ISessionGrain>(old).GetStatusAsync());
        Assert.NotEmpty((await admin.ReadAuditAsync(old, 10)).Records);

        fixture.Clock.Advance(TimeSpan.FromDays(91));
        var recent = "recent_" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Grains.GetGrain<ISessionGrain>(recent).SendInputAsync(SessionPersistenceTests.Input("I want to die"));

        // The periodic cleanup reminder may already have trimmed (the fake clock jumped past its period); either way
        // an explicit trim leaves only records within the retention.
        await admin.TrimAuditAsync();
        Assert.Empty((await admin.ReadAuditAsync(old, 10)).Records);
        Assert.NotEmpty((await admin.ReadAuditAsync(recent, 10)).Records);
        var verification = await admin.VerifyAuditAsync();
        Assert.True(verification.Valid);
        Assert.True(verification.Records >= 1);
    }
}
