using System.Text.Json;

namespace TrtOrleans.Grains.Tests;

/// <summary>Session state and history on real Redis: across deactivation, full restarts, erase and concurrency.</summary>
public sealed class SessionPersistenceTests(SessionPersistenceTests.Fixture fixture) : IClassFixture<SessionPersistenceTests.Fixture>
{
    public sealed class Fixture : TrtClusterFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Sessions:RateLimit"] = "1000" };
    }

    private static readonly string[] Script = ConversationScripts.StraightPath;

    [Fact]
    public async Task StateAndHistoryAreIdenticalAfterDeactivationAndReactivation()
    {
        var grain = await ConverseAsync(NewId(), Script.Length);
        var before = await SnapshotAsync(grain);

        await fixture.Cluster.DeactivateAsync(grain);
        await fixture.Cluster.WaitForDeactivationAsync(grain);

        Assert.Equal(before, await SnapshotAsync(grain));
    }

    [Fact]
    public async Task StateAndHistorySurviveRestartOfEverySiloAndTheConversationContinues()
    {
        var id = NewId();
        var before = await SnapshotAsync(await ConverseAsync(id, 4));

        await fixture.RestartAllSilosAsync();

        var grain = fixture.Grains.GetGrain<ISessionGrain>(id);
        Assert.Equal(before, await SnapshotAsync(grain));
        var next = await grain.SendInputAsync(Input(Script[4]));
        Assert.Equal(5, next.Response!.Turn);
        var status = await grain.GetStatusAsync();
        Assert.Equal("1.2_problem_and_body", status!.CurrentSubstate);
    }

    [Fact]
    public async Task EraseLeavesNoKeyOfTheSessionInRedis()
    {
        var id = NewId();
        var grain = await ConverseAsync(id, 3);
        Assert.NotEmpty(RedisKeys.Scan(fixture.Redis, fixture.Database, $"*{id}*"));

        Assert.True(await grain.EraseAsync());

        Assert.Empty(RedisKeys.Scan(fixture.Redis, fixture.Database, $"*{id}*"));
        var shard = fixture.Keys.ShardOf(id);
        Assert.Null(await fixture.Db.SortedSetScoreAsync(fixture.Keys.IndexKey(shard), id));
        Assert.False(await fixture.Db.HashExistsAsync(fixture.Keys.SummaryKey(shard), id));
        Assert.Null(await grain.GetStatusAsync());
        Assert.False(await grain.EraseAsync());
    }

    [Fact]
    public async Task FiftyConcurrentInputsEndAtTurnFiftyWithEveryTurnOnceInHistory()
    {
        var grain = fixture.Grains.GetGrain<ISessionGrain>(NewId());

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => grain.SendInputAsync(Input($"message {i} about work"))));

        Assert.Equal(Enumerable.Range(1, 50), outcomes.Select(o => o.Response!.Turn).Order());
        Assert.Equal(50, (await grain.GetStatusAsync())!.TurnCount);
        var history = await grain.GetHistoryAsync(50);
        Assert.Equal(Enumerable.Range(1, 50).Reverse(), history!.Exchanges.Select(e => e.Turn));
    }

    [Fact]
    public async Task HistoryKeepsTheNewestFiftyExchangesNewestFirst()
    {
        var grain = await ConverseAsync(NewId(), 0);
        for (var i = 1; i <= 55; i++)
        {
            await grain.SendInputAsync(Input($"thinking about the week, part {i}"));
        }

        var history = await grain.GetHistoryAsync(100);
        Assert.Equal(Enumerable.Range(6, 50).Reverse(), history!.Exchanges.Select(e => e.Turn));
        // Older exchanges live in sealed pages of 8; the list is trimmed to the pages that can still hold one of the 50.
        var pages = await fixture.Db.ListLengthAsync(fixture.Keys.HistoryKey(grain.GetPrimaryKeyString()));
        Assert.Equal(6, pages);
        Assert.Equal(Enumerable.Range(46, 10).Reverse(), (await grain.GetHistoryAsync(10))!.Exchanges.Select(e => e.Turn));
    }

    private async Task<ISessionGrain> ConverseAsync(string id, int turns)
    {
        var grain = fixture.Grains.GetGrain<ISessionGrain>(id);
        await grain.CreateAsync(new CreateSessionRequest(new SessionMetadata("app-1", "ios", "2.1.0", SessionMetadata.ViaCreateEndpoint, "crm-1", [])));
        foreach (var text in Script.Take(turns))
        {
            await grain.SendInputAsync(Input(text));
        }

        return grain;
    }

    /// <summary>Status and the whole history as JSON, so records with dictionaries and arrays compare by value.</summary>
    private static async Task<string> SnapshotAsync(ISessionGrain grain) =>
        JsonSerializer.Serialize(new { status = await grain.GetStatusAsync(), history = await grain.GetHistoryAsync(50) });

    internal static InputRequest Input(string text, string? requestId = null) =>
        new(text, requestId, new SessionMetadata(null, null, null, SessionMetadata.ViaInputEndpoint, null, []));

    private static string NewId() => "s_" + Guid.NewGuid().ToString("N");
}
