namespace TrtOrleans.Grains.Tests;

/// <summary>A turn is one atomic write and erase is one atomic step (docs/architecture.md): an injected storage
/// failure leaves everything of the session as it was before the call, never half of it, and nothing needs repair.</summary>
public sealed class WriteOrderRecoveryTests(WriteOrderRecoveryTests.Fixture fixture) : IClassFixture<WriteOrderRecoveryTests.Fixture>
{
    public sealed class Fixture : TrtClusterFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["TrtTest:FaultInjection"] = "true" };
    }

    [Fact]
    public async Task AFailedTurnWriteLeavesNoTraceAndItsRetryIsProcessedOnce()
    {
        var id = "s_" + Guid.NewGuid().ToString("N");
        var grain = fixture.Grains.GetGrain<ISessionGrain>(id);
        await grain.SendInputAsync(SessionPersistenceTests.Input("Hi. I've been on edge for weeks."));
        FaultInjectingSessionStore.FailNextCommits(id, 1);

        await Assert.ThrowsAnyAsync<Exception>(() => grain.SendInputAsync(SessionPersistenceTests.Input("I'd like to feel settled again", "req-2")));

        // Not acknowledged, not stored: the session is exactly as before, in memory and after a reactivation.
        Assert.Equal(1, (await grain.GetStatusAsync())!.TurnCount);
        await fixture.Cluster.DeactivateAsync(grain);
        await fixture.Cluster.WaitForDeactivationAsync(grain);
        Assert.Equal([1], (await grain.GetHistoryAsync(50))!.Exchanges.Select(e => e.Turn));

        // The client's retry runs the turn once; a second retry replays it from the history entry.
        var retried = await grain.SendInputAsync(SessionPersistenceTests.Input("I'd like to feel settled again", "req-2"));
        var replay = await grain.SendInputAsync(SessionPersistenceTests.Input("I'd like to feel settled again", "req-2"));
        Assert.Equal(InputStatus.Processed, retried.Status);
        Assert.Equal(InputStatus.Replayed, replay.Status);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(retried.Response), System.Text.Json.JsonSerializer.Serialize(replay.Response));
        Assert.Equal([2, 1], (await grain.GetHistoryAsync(50))!.Exchanges.Select(e => e.Turn));
    }

    [Fact]
    public async Task AFailedFirstTurnCreatesNoSession()
    {
        var id = "s_" + Guid.NewGuid().ToString("N");
        var grain = fixture.Grains.GetGrain<ISessionGrain>(id);
        FaultInjectingSessionStore.FailNextCommits(id, 1);

        await Assert.ThrowsAnyAsync<Exception>(() => grain.SendInputAsync(SessionPersistenceTests.Input("Hello there")));

        Assert.Null(await grain.GetStatusAsync());
        Assert.Empty(RedisKeys.Scan(fixture.Redis, fixture.Database, $"*{id}*"));
    }

    [Fact]
    public async Task AFailedEraseLeavesTheWholeSessionAndASuccessfulOneLeavesNothing()
    {
        var id = "s_" + Guid.NewGuid().ToString("N");
        var grain = fixture.Grains.GetGrain<ISessionGrain>(id);
        foreach (var line in ConversationScripts.StraightPath.Take(3))
        {
            await grain.SendInputAsync(SessionPersistenceTests.Input(line));
        }

        FaultInjectingSessionStore.FailNextErases(id, 1);
        await Assert.ThrowsAnyAsync<Exception>(grain.EraseAsync);
        Assert.Equal([3, 2, 1], (await grain.GetHistoryAsync(50))!.Exchanges.Select(e => e.Turn));

        Assert.True(await grain.EraseAsync());
        await grain.SendInputAsync(SessionPersistenceTests.Input("A new start"));

        Assert.Equal([1], (await grain.GetHistoryAsync(50))!.Exchanges.Select(e => e.Turn));
        Assert.Equal("A new start", (await grain.GetHistoryAsync(50))!.Exchanges[0].ClientInput);
    }

    [Fact]
    public async Task ANewSessionUnderAnIdNeverShowsHistoryLeftUnderIt()
    {
        // What a non-atomic erase could leave: the state gone, the history still there.
        var id = "s_" + Guid.NewGuid().ToString("N");
        var grain = fixture.Grains.GetGrain<ISessionGrain>(id);
        for (var i = 0; i < 16; i++)
        {
            fixture.Clock.Advance(TimeSpan.FromSeconds(7)); // within the rate limit
            await grain.SendInputAsync(SessionPersistenceTests.Input($"an old exchange number {i}"));
        }

        Assert.True(await fixture.Db.KeyExistsAsync(fixture.Keys.HistoryKey(id)));
        await fixture.Db.KeyDeleteAsync(fixture.Keys.StateKey(id));
        await fixture.Cluster.DeactivateAsync(grain);
        await fixture.Cluster.WaitForDeactivationAsync(grain);

        await grain.CreateAsync(new CreateSessionRequest(new SessionMetadata(null, null, null, SessionMetadata.ViaCreateEndpoint, null, [])));

        Assert.Empty((await grain.GetHistoryAsync(50))!.Exchanges);
        Assert.False(await fixture.Db.KeyExistsAsync(fixture.Keys.HistoryKey(id)));
        await grain.SendInputAsync(SessionPersistenceTests.Input("hello again"));
        Assert.Equal([1], (await grain.GetHistoryAsync(50))!.Exchanges.Select(e => e.Turn));
    }
}
