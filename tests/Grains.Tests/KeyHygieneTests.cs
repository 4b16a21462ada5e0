using StackExchange.Redis;

namespace TrtOrleans.Grains.Tests;

/// <summary>docs/redis-keys.md: every key the product writes has a TTL or belongs to a documented bounded set, and a
/// deleted or expired session leaves nothing behind.</summary>
public sealed class KeyHygieneTests(TrtClusterFixture fixture) : IClassFixture<TrtClusterFixture>
{
    [Fact]
    public Task AfterAMixedWorkloadEveryKeyHasATtlOrIsADocumentedSet() => RunAsync(fixture);

    /// <summary>The workload and the checks, on any fixture (one redis-server or a Redis Cluster).</summary>
    internal static async Task RunAsync(TrtClusterFixture fixture)
    {
        var kept = new List<string>();
        var deleted = new List<string>();
        var expired = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var id = $"h{i}_" + Guid.NewGuid().ToString("N")[..8];
            var grain = fixture.Grains.GetGrain<ISessionGrain>(id);
            await grain.CreateAsync(new CreateSessionRequest(new SessionMetadata("app", null, null, SessionMetadata.ViaCreateEndpoint, null, [])));
            await grain.SendInputAsync(SessionPersistenceTests.Input("Hi, the rent went up and I am anxious", $"r{i}"));
            await grain.SendInputAsync(SessionPersistenceTests.Input("I want to kill myself"));
            (i % 3 == 0 ? kept : i % 3 == 1 ? deleted : expired).Add(id);
        }

        foreach (var id in deleted)
        {
            await fixture.Grains.GetGrain<ISessionGrain>(id).EraseAsync();
        }

        fixture.Clock.Advance(TimeSpan.FromHours(25));
        foreach (var id in kept)
        {
            await fixture.Grains.GetGrain<ISessionGrain>(id).SendInputAsync(SessionPersistenceTests.Input("I am safe"));
        }

        await fixture.Grains.GetGrain<IAdminGrain>(0).CleanupAsync(TimeSpan.FromHours(24));
        await fixture.Cluster.Client.GetGrain<IAdminGrain>(0).GetDailyAsync(DateOnly.FromDateTime(DateTime.UtcNow));
        foreach (var silo in fixture.Cluster.GetActiveSilos())
        {
            var sp = fixture.Cluster.GetSiloServiceProvider(silo.SiloAddress);
            await ((Analytics.AnalyticsRecorder)sp.GetService(typeof(Analytics.AnalyticsRecorder))!).FlushAsync();
        }

        var db = fixture.Db;
        var keys = fixture.ScanKeys();
        var withoutTtl = new List<string>();
        foreach (var key in keys)
        {
            if (await db.KeyTimeToLiveAsync(key) is null)
            {
                withoutTtl.Add(key);
            }
        }

        Assert.All(withoutTtl, key => Assert.True(IsDocumentedBoundedSet(fixture, key), $"key without TTL outside the documented sets: {key}"));
        Assert.All(keys, key => Assert.True(
            key.StartsWith(fixture.Keys.Prefix, StringComparison.Ordinal) || key.StartsWith($"{fixture.ServiceId}/", StringComparison.Ordinal),
            $"key outside the deployment's prefix: {key}"));
        foreach (var id in deleted.Concat(expired))
        {
            Assert.DoesNotContain(keys, k => k.Contains(id, StringComparison.Ordinal));
            Assert.Null(await db.SortedSetScoreAsync(fixture.Keys.IndexKey(fixture.Keys.ShardOf(id)), id));
            Assert.False(await db.HashExistsAsync(fixture.Keys.SummaryKey(fixture.Keys.ShardOf(id)), id));
        }

        foreach (var id in kept)
        {
            // State, history pages and the wrapped data key, all in the hash tag of the session's index shard.
            var tag = SlotTag(fixture.Keys.IndexKey(fixture.Keys.ShardOf(id)));
            var own = keys.Where(k => k.Contains(id, StringComparison.Ordinal)).ToList();
            Assert.Equal(
                new[] { fixture.Keys.StateKey(id), fixture.Keys.DataKeyKey(id) }.Order(),
                own.Where(k => k != fixture.Keys.HistoryKey(id)).Order());
            Assert.All(own, k => Assert.Equal(tag, SlotTag(k)));
        }

        Assert.Contains(keys, k => k.StartsWith(fixture.Keys.Prefix + "analytics:daily:", StringComparison.Ordinal));
        Assert.Contains(fixture.Keys.AuditKey("chain"), keys);
    }

    /// <summary>The Redis Cluster hash tag of a key: the part between its first '{' and the next '}'.</summary>
    private static string SlotTag(string key)
    {
        var open = key.IndexOf('{', StringComparison.Ordinal);
        var close = key.IndexOf('}', open + 1);
        return key[(open + 1)..close];
    }

    /// <summary>The sets of docs/redis-keys.md that have no TTL by design, each bounded.</summary>
    private static bool IsDocumentedBoundedSet(TrtClusterFixture fixture, string key) =>
        key == fixture.Keys.AuditKey("chain") || key == fixture.Keys.AuditKey("head")
        || key == fixture.Keys.AuditKey("ids") || key == fixture.Keys.AuditKey("anchor")
        || (key.StartsWith(fixture.Keys.Prefix + "{b", StringComparison.Ordinal) && (key.EndsWith("}:idx", StringComparison.Ordinal) || key.EndsWith("}:sum", StringComparison.Ordinal)))
        || (key.StartsWith(fixture.Keys.Prefix + "{c:", StringComparison.Ordinal) && key.EndsWith("}:sessions", StringComparison.Ordinal))
        || key.StartsWith($"{fixture.ServiceId}/members/", StringComparison.Ordinal)
        || key.StartsWith($"{fixture.ServiceId}/reminders", StringComparison.Ordinal)
        || key.Contains("/reminders", StringComparison.Ordinal);
}
