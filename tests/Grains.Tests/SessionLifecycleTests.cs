using TrtOrleans.Grains.Index;

namespace TrtOrleans.Grains.Tests;

/// <summary>24 h expiry, the active-sessions index, cleanup, rate limit and safe retries, on a fake clock.</summary>
public sealed class SessionLifecycleTests(TrtClusterFixture fixture) : IClassFixture<TrtClusterFixture>
{
    private static readonly TimeSpan JustUnderADay = TimeSpan.FromHours(23) + TimeSpan.FromMinutes(59);

    [Fact]
    public async Task SessionExpiresAfter24HoursOfInactivityAndNotBefore()
    {
        var id = NewId();
        var grain = fixture.Grains.GetGrain<ISessionGrain>(id);
        await grain.SendInputAsync(SessionPersistenceTests.Input("Hi, work has been a lot."));

        fixture.Clock.Advance(JustUnderADay);
        var kept = await grain.SendInputAsync(SessionPersistenceTests.Input("I'd like to feel calm"));
        Assert.Equal(2, kept.Response!.Turn);

        fixture.Clock.Advance(JustUnderADay);
        Assert.Equal(2, (await grain.GetStatusAsync())!.TurnCount);
        Assert.Contains(await ListAsync(), s => s.SessionId == id);

        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(await grain.GetStatusAsync());
        Assert.Null(await grain.GetHistoryAsync(10));
        Assert.DoesNotContain(await ListAsync(), s => s.SessionId == id);
        Assert.Empty(RedisKeys.Scan(fixture.Redis, fixture.Database, $"*{id}*"));

        var fresh = await grain.SendInputAsync(SessionPersistenceTests.Input("Hello again"));
        Assert.Equal(1, fresh.Response!.Turn);
        Assert.Equal("1.1_goal_and_vision", fresh.Response.SessionProgress.CurrentSubstate);
    }

    [Fact]
    public async Task ListingIsMostRecentFirstAndHonoursTheActivityWindow()
    {
        var older = NewId();
        var newer = NewId();
        await fixture.Grains.GetGrain<ISessionGrain>(older).SendInputAsync(SessionPersistenceTests.Input("hello"));
        fixture.Clock.Advance(TimeSpan.FromMinutes(30));
        await fixture.Grains.GetGrain<ISessionGrain>(newer).SendInputAsync(SessionPersistenceTests.Input("hello"));

        var all = await fixture.Grains.GetGrain<IAdminGrain>(0).ListSessionsAsync(1000, null);
        var recent = await fixture.Grains.GetGrain<IAdminGrain>(0).ListSessionsAsync(1000, 10);

        var order = all.Sessions.Select(s => s.SessionId).Where(s => s == older || s == newer).ToList();
        Assert.Equal([newer, older], order);
        Assert.Contains(recent.Sessions, s => s.SessionId == newer);
        Assert.DoesNotContain(recent.Sessions, s => s.SessionId == older);
        var entry = all.Sessions.Single(s => s.SessionId == newer);
        Assert.Equal(1, entry.TurnCount);
        Assert.Equal("active", entry.Status);
        Assert.Equal("1.1_goal_and_vision", entry.CurrentSubstate);
        Assert.Equal(fixture.Clock.GetUtcNow(), entry.LastInteraction);
    }

    [Fact]
    public async Task CleanupRemovesOnlySessionsInactiveForTheGivenHours()
    {
        var stale = NewId();
        var active = NewId();
        await fixture.Grains.GetGrain<ISessionGrain>(stale).SendInputAsync(SessionPersistenceTests.Input("hello"));
        fixture.Clock.Advance(TimeSpan.FromHours(3));
        await fixture.Grains.GetGrain<ISessionGrain>(active).SendInputAsync(SessionPersistenceTests.Input("hello"));
        fixture.Clock.Advance(TimeSpan.FromMinutes(10));

        var removed = await fixture.Grains.GetGrain<IAdminGrain>(0).CleanupAsync(TimeSpan.FromHours(2));

        Assert.True(removed >= 1);
        Assert.Null(await fixture.Grains.GetGrain<ISessionGrain>(stale).GetStatusAsync());
        Assert.NotNull(await fixture.Grains.GetGrain<ISessionGrain>(active).GetStatusAsync());
        var listed = (await ListAsync()).Select(s => s.SessionId).ToList();
        Assert.DoesNotContain(stale, listed);
        Assert.Contains(active, listed);
    }

    [Fact]
    public async Task ExpiredSessionsLeaveTheIndexThroughThePeriodicCleanup()
    {
        var id = NewId();
        await fixture.Grains.GetGrain<ISessionGrain>(id).SendInputAsync(SessionPersistenceTests.Input("hello"));
        fixture.Clock.Advance(TimeSpan.FromHours(25));

        // What the reminder does each period (the reminder itself is registered at silo start).
        await fixture.Grains.GetGrain<IAdminGrain>(0).CleanupAsync(TimeSpan.FromHours(24));

        var index = fixture.Redis.Admin.GetDatabase(fixture.Database);
        Assert.Null(await index.SortedSetScoreAsync(fixture.Keys.IndexKey(fixture.Keys.ShardOf(id)), id));
        Assert.Empty(RedisKeys.Scan(fixture.Redis, fixture.Database, $"*{id}*"));
    }

    [Fact]
    public async Task EleventhInputInAMinuteIsRejectedButACrisisMessageIsAnswered()
    {
        var grain = fixture.Grains.GetGrain<ISessionGrain>(NewId());
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(InputStatus.Processed, (await grain.SendInputAsync(SessionPersistenceTests.Input($"work note {i}"))).Status);
        }

        var rejected = await grain.SendInputAsync(SessionPersistenceTests.Input("another work note"));
        var crisis = await grain.SendInputAsync(SessionPersistenceTests.Input("I want to kill myself"));
        var followUp = await grain.SendInputAsync(SessionPersistenceTests.Input("I don't know"));

        Assert.Equal(InputStatus.RateLimited, rejected.Status);
        Assert.InRange(rejected.RetryAfterSeconds, 1, 60);
        Assert.Equal(InputStatus.Processed, crisis.Status);
        Assert.True(crisis.Response!.Safety.Crisis);
        Assert.Equal(InputStatus.Processed, followUp.Status); // the crisis follow-up is never refused either
        Assert.Equal(12, (await grain.GetStatusAsync())!.TurnCount);

        fixture.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(InputStatus.Processed, (await grain.SendInputAsync(SessionPersistenceTests.Input("yes, I am safe"))).Status);
    }

    [Fact]
    public async Task ReplayedRequestIdReturnsTheStoredReplyAndAddsNoTurn()
    {
        var grain = fixture.Grains.GetGrain<ISessionGrain>(NewId());
        var first = await grain.SendInputAsync(SessionPersistenceTests.Input("Hi, I'm worn out", "req-a"));
        await grain.SendInputAsync(SessionPersistenceTests.Input("I want to feel rested", "req-b"));

        var replay = await grain.SendInputAsync(SessionPersistenceTests.Input("Hi, I'm worn out", "req-a"));

        Assert.Equal(InputStatus.Replayed, replay.Status);
        Assert.Equal(first.Response!.TherapistResponseText, replay.Response!.TherapistResponseText);
        Assert.Equal(1, replay.Response.Turn);
        Assert.Equal(2, (await grain.GetStatusAsync())!.TurnCount);
    }

    [Fact]
    public async Task OnlyTheLastTwentyRequestIdsAreKept()
    {
        var grain = fixture.Grains.GetGrain<ISessionGrain>(NewId());
        for (var i = 1; i <= 21; i++)
        {
            fixture.Clock.Advance(TimeSpan.FromSeconds(7)); // stay under the rate limit
            await grain.SendInputAsync(SessionPersistenceTests.Input($"note {i}", $"r{i}"));
        }

        fixture.Clock.Advance(TimeSpan.FromSeconds(7));
        var oldest = await grain.SendInputAsync(SessionPersistenceTests.Input("note 1", "r1"));
        // r1 came back as a new id and pushed r2 out; r3 is still among the last twenty.
        var kept = await grain.SendInputAsync(SessionPersistenceTests.Input("note 3", "r3"));

        Assert.Equal(InputStatus.Processed, oldest.Status); // forgotten: processed as a new turn
        Assert.Equal(22, oldest.Response!.Turn);
        Assert.Equal(InputStatus.Replayed, kept.Status);
        Assert.Equal(3, kept.Response!.Turn);
    }

    private async Task<SessionListingItem[]> ListAsync() =>
        (await fixture.Grains.GetGrain<IAdminGrain>(0).ListSessionsAsync(1000, null)).Sessions;

    [Fact]
    public async Task ALongCrisisMessageIsAnsweredAndStoredCutToTheEngineLimitWhileALongOrdinaryOneIsRefused()
    {
        var grain = fixture.Grains.GetGrain<ISessionGrain>(NewId());
        var longOrdinary = await grain.SendInputAsync(SessionPersistenceTests.Input(new string('x', 3000) + " " + new string('y', 3000)));
        Assert.Equal(InputStatus.InputTooLong, longOrdinary.Status);

        var crisis = "I want to kill myself. " + string.Concat(Enumerable.Repeat("it is all too much. ", 2500));
        var answered = await grain.SendInputAsync(SessionPersistenceTests.Input(crisis));
        Assert.Equal(InputStatus.Processed, answered.Status);
        Assert.True(answered.Response!.Safety.Crisis);
        var stored = (await grain.GetHistoryAsync(10))!.Exchanges.Single();
        Assert.Equal(Therapy.Contracts.TurnLimits.MaxInputChars, stored.ClientInput.Length);
    }

    [Fact]
    public async Task TheAdminClusterViewCountsSessionActivationsPerSilo()
    {
        var grain = fixture.Grains.GetGrain<ISessionGrain>(NewId());
        Assert.Equal(InputStatus.Processed, (await grain.SendInputAsync(SessionPersistenceTests.Input("hello"))).Status);
        var bySilo = await fixture.Grains.GetGrain<IAdminGrain>(0).GetSessionActivationsBySiloAsync();
        Assert.True(bySilo.Values.Sum() >= 1, "no session activation counted");
    }

    private static string NewId() => "s_" + Guid.NewGuid().ToString("N");
}
