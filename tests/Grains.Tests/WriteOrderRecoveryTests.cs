namespace TrtOrleans.Grains.Tests;

/// <summary>The documented recovery (SessionGrain): the grain state is the commit point of a turn and carries the
/// turn's exchange; when the history write after it fails (or the process dies there), the history is repaired from
/// the state before anything reads or appends it.</summary>
public sealed class WriteOrderRecoveryTests(WriteOrderRecoveryTests.Fixture fixture) : IClassFixture<WriteOrderRecoveryTests.Fixture>
{
    public sealed class Fixture : TrtClusterFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["TrtTest:FaultInjection"] = "true" };
    }

    [Fact]
    public async Task FailedHistoryWriteIsRepairedFromStateAfterReactivation()
    {
        var id = "s_" + Guid.NewGuid().ToString("N");
        var grain = fixture.Grains.GetGrain<ISessionGrain>(id);
        await grain.SendInputAsync(SessionPersistenceTests.Input("Hi. I've been on edge for weeks."));
        FaultInjectingSessionLog.FailNextAppends(id, 1);

        var acknowledged = await grain.SendInputAsync(SessionPersistenceTests.Input("I'd like to feel settled again", "req-2"));

        // The turn was committed and acknowledged although its history write failed; Redis lacks it for now.
        Assert.Equal(2, acknowledged.Response!.Turn);
        var raw = fixture.Redis.Admin.GetDatabase(fixture.Database);
        Assert.Equal(1, await raw.ListLengthAsync(StorageNames.HistoryKey(id)));

        // A new activation (as after a crash) repairs before the first read.
        await fixture.Cluster.DeactivateAsync(grain);
        await fixture.Cluster.WaitForDeactivationAsync(grain);
        var history = await grain.GetHistoryAsync(50);
        Assert.Equal([2, 1], history!.Exchanges.Select(e => e.Turn));
        Assert.Equal(acknowledged.Response.TherapistResponseText, history.Exchanges[0].TherapistResponse);
        Assert.Equal(2, (await grain.GetStatusAsync())!.TurnCount);

        // The reply of the repaired turn is replayable by its request id, without a new turn.
        var replay = await grain.SendInputAsync(SessionPersistenceTests.Input("I'd like to feel settled again", "req-2"));
        Assert.Equal(InputStatus.Replayed, replay.Status);
        Assert.Equal(2, replay.Response!.Turn);
        Assert.Equal(2, (await grain.GetStatusAsync())!.TurnCount);
    }

    [Fact]
    public async Task NextTurnAfterAFailedHistoryWriteKeepsEveryTurnInOrder()
    {
        var id = "s_" + Guid.NewGuid().ToString("N");
        var grain = fixture.Grains.GetGrain<ISessionGrain>(id);
        await grain.SendInputAsync(SessionPersistenceTests.Input("Hi, work has been a lot lately."));
        FaultInjectingSessionLog.FailNextAppends(id, 1);
        await grain.SendInputAsync(SessionPersistenceTests.Input("I want to feel calm"));

        await grain.SendInputAsync(SessionPersistenceTests.Input("yes"));

        var history = await grain.GetHistoryAsync(50);
        Assert.Equal([3, 2, 1], history!.Exchanges.Select(e => e.Turn));
    }
}
