using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using TrtOrleans.Grains.Analytics;
using TrtOrleans.TestSupport;

namespace TrtOrleans.Grains.Tests;

/// <summary>The product on a real 3-master Redis Cluster: Orleans membership, session storage (one script per turn,
/// one slot per session), reminders, index shards, analytics, audit and retrieval cache all on the cluster; a
/// conversation survives a restart of every silo, and the key-hygiene check holds.</summary>
public sealed class RedisClusterTests(RedisClusterTests.Fixture fixture) : IClassFixture<RedisClusterTests.Fixture>
{
    public sealed class Fixture : TrtClusterFixture
    {
        private RedisCluster? _cluster;

        public RedisCluster RedisCluster => _cluster ?? throw new InvalidOperationException("not started");

        protected override short InitialSilos => 2;

        protected override bool RedisMembership => true;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Sessions:RateLimit"] = "1000" };

        public override IDatabase Db => RedisCluster.Admin.GetDatabase();

        public override List<string> ScanKeys(string pattern = "*") => RedisCluster.ScanKeys(pattern);

        protected override async Task<string> PrepareRedisAsync()
        {
            _cluster = await RedisCluster.StartAsync();
            return _cluster.Url;
        }

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            if (_cluster is not null)
            {
                await _cluster.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task AConversationSurvivesARestartOfEverySiloAndContinuesOnTheCluster()
    {
        var id = "rc_" + Guid.NewGuid().ToString("N");
        var grain = fixture.Grains.GetGrain<ISessionGrain>(id);
        await grain.CreateAsync(new CreateSessionRequest(new SessionMetadata("app-1", "ios", "2.1.0", SessionMetadata.ViaCreateEndpoint, null, [])));
        var script = ConversationScripts.StraightPath;
        for (var i = 0; i < script.Length; i++)
        {
            // Enough turns to seal a history page, so the LPUSH/LTRIM branch of the turn's script runs on the cluster.
            Assert.Equal(i + 1, (await grain.SendInputAsync(SessionPersistenceTests.Input(script[i], $"rq{i}"))).Response!.Turn);
        }

        Assert.Equal(1L, await fixture.Db.ListLengthAsync(fixture.Keys.HistoryKey(id)));
        var before = await SnapshotAsync(grain);

        await fixture.RestartAllSilosAsync();

        grain = fixture.Grains.GetGrain<ISessionGrain>(id);
        Assert.Equal(before, await SnapshotAsync(grain));
        var replay = await grain.SendInputAsync(SessionPersistenceTests.Input(script[2], "rq2"));
        Assert.Equal(3, replay.Response!.Turn); // a retried request id is answered from the stored turn, no new turn
        var next = await grain.SendInputAsync(SessionPersistenceTests.Input("Thank you, talking it through helped a little"));
        Assert.Equal(script.Length + 1, next.Response!.Turn);
        Assert.Equal(script.Length + 1, (await grain.GetHistoryAsync(50))!.Exchanges.Length);
    }

    [Fact]
    public async Task SessionsSpreadOverTheMastersAndListingMergesEveryShard()
    {
        var ids = Enumerable.Range(0, 12).Select(i => $"ls{i}_" + Guid.NewGuid().ToString("N")[..10]).ToList();
        foreach (var id in ids)
        {
            await fixture.Grains.GetGrain<ISessionGrain>(id).SendInputAsync(SessionPersistenceTests.Input("Hi, I feel tense about work"));
        }

        var listing = await fixture.Grains.GetGrain<IAdminGrain>(0).ListSessionsAsync(1000, null);

        Assert.Subset(listing.Sessions.Select(s => s.SessionId).ToHashSet(), ids.ToHashSet());
        var mastersWithState = fixture.RedisCluster.Admin.GetServers()
            .Where(s => !s.IsReplica)
            .Count(s => s.Keys(0, fixture.Keys.Prefix + "{b*}:s:ls*", pageSize: 500).Any());
        Assert.True(mastersWithState >= 2, $"12 sessions landed on {mastersWithState} master(s) only");
    }

    [Fact]
    public Task KeyHygieneHoldsOnTheCluster() => KeyHygieneTests.RunAsync(fixture);

    [Fact]
    public async Task AnAnalyticsFlushSpanningMidnightWritesEachDayOnceOnTheCluster()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 6, 30, 23, 59, 59, TimeSpan.Zero));
        var keys = fixture.Keys; // the deployment's prefix, so the key-hygiene check accepts these keys too
        var (day1, day2) = (new DateOnly(2030, 6, 30), new DateOnly(2030, 7, 1));
        Assert.NotEqual( // two slots: one MULTI/EXEC over both would be a CROSSSLOT error
            fixture.RedisCluster.Admin.HashSlot(keys.AnalyticsDayKey(day1)),
            fixture.RedisCluster.Admin.HashSlot(keys.AnalyticsDayKey(day2)));
        var store = new SecondWriteFailsOnce(new RedisAnalyticsStore(fixture.RedisCluster.Admin, keys));
        var recorder = new AnalyticsRecorder(store, clock, NullLogger<AnalyticsRecorder>.Instance);
        recorder.Input();
        recorder.Input();
        clock.Advance(TimeSpan.FromSeconds(2));
        recorder.Input();

        await Assert.ThrowsAsync<RedisException>(recorder.FlushAsync); // day 1 written, day 2 failed
        await recorder.FlushAsync();

        Assert.Equal(2, (await store.GetDayAsync(day1))![AnalyticsRecorder.TotalInputs]); // not counted twice
        Assert.Equal(1, (await store.GetDayAsync(day2))![AnalyticsRecorder.TotalInputs]);
    }

    /// <summary>The real store, except that its second write fails once (as if Redis dropped the connection).</summary>
    private sealed class SecondWriteFailsOnce(IAnalyticsStore inner) : IAnalyticsStore
    {
        private int _writes;

        public Task AddAsync(IReadOnlyDictionary<DateOnly, IReadOnlyDictionary<string, long>> deltas) =>
            ++_writes == 2
                ? Task.FromException(new RedisException("injected connection failure"))
                : inner.AddAsync(deltas);

        public Task<IReadOnlyDictionary<string, long>?> GetDayAsync(DateOnly day) => inner.GetDayAsync(day);
    }

    private static async Task<string> SnapshotAsync(ISessionGrain grain) =>
        JsonSerializer.Serialize(new { status = await grain.GetStatusAsync(), history = await grain.GetHistoryAsync(50) });
}
