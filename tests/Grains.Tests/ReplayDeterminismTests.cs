using System.Text.Json;

namespace TrtOrleans.Grains.Tests;

/// <summary>trt-engine.md §10.2: the same conversation on the same session id replays to the same replies and
/// substates, also when the grain is deactivated (and its state reloaded from Redis) between every turn.</summary>
public sealed class ReplayDeterminismTests(ReplayDeterminismTests.Fixture fixture) : IClassFixture<ReplayDeterminismTests.Fixture>
{
    public sealed class Fixture : TrtClusterFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Sessions:RateLimit"] = "1000" };
    }

    private static readonly string[] Script =
    [
        "Hi. I've been on edge for weeks.",
        "I'd like to feel settled again",
        "Yes, that's exactly it",
        "Makes sense to me",
        "Money. The rent went up and I can't cover it",
        "A tight band across my chest",
        "Yes, it's there right now",
        "I notice it every time I open my banking app",
        "No, that covers it",
        "Sure, let's try",
        "A little calmer",
        "Calmer again",
        "Much more relaxed",
        "Lighter, thank you",
    ];

    [Fact]
    public async Task SameScriptGivesIdenticalRepliesWithAndWithoutDeactivationBetweenTurns()
    {
        var id = "replay_" + Guid.NewGuid().ToString("N");
        var grain = fixture.Grains.GetGrain<ISessionGrain>(id);

        var straight = new List<string>();
        foreach (var text in Script)
        {
            straight.Add(Fingerprint((await grain.SendInputAsync(SessionPersistenceTests.Input(text))).Response!));
        }

        Assert.True(await grain.EraseAsync());
        var reloaded = new List<string>();
        foreach (var text in Script)
        {
            reloaded.Add(Fingerprint((await grain.SendInputAsync(SessionPersistenceTests.Input(text))).Response!));
            await fixture.Cluster.DeactivateAsync(grain);
            await fixture.Cluster.WaitForDeactivationAsync(grain);
        }

        Assert.Equal(straight, reloaded);
        var status = await grain.GetStatusAsync();
        Assert.Equal("stage_1_complete", status!.CurrentSubstate);
        Assert.Equal("completed", status.Status);
    }

    [Fact]
    public async Task TwoSessionsInterleavedTurnByTurnBehaveAsIfAlone()
    {
        var alone = fixture.Grains.GetGrain<ISessionGrain>("alone_" + Guid.NewGuid().ToString("N"));
        var a = fixture.Grains.GetGrain<ISessionGrain>(alone.GetPrimaryKeyString() + "_twin");
        var b = fixture.Grains.GetGrain<ISessionGrain>("other_" + Guid.NewGuid().ToString("N"));
        var soloReplies = new List<string>();
        foreach (var text in Script)
        {
            soloReplies.Add(Progress((await a.SendInputAsync(SessionPersistenceTests.Input(text))).Response!));
        }

        await a.EraseAsync();
        var interleaved = new List<string>();
        foreach (var (text, i) in Script.Select((t, i) => (t, i)))
        {
            interleaved.Add(Progress((await a.SendInputAsync(SessionPersistenceTests.Input(text))).Response!));
            await b.SendInputAsync(SessionPersistenceTests.Input(Script[(i + 5) % Script.Length]));
        }

        Assert.Equal(soloReplies, interleaved);
    }

    private static string Fingerprint(TherapistResponse r) => JsonSerializer.Serialize(new
    {
        r.Turn, r.TherapistResponseText, r.Navigation, r.SessionProgress.CurrentSubstate, r.SessionProgress.BodyQuestionCount,
    });

    private static string Progress(TherapistResponse r) =>
        $"{r.Turn}|{r.TherapistResponseText}|{r.Navigation.Decision}|{r.SessionProgress.CurrentSubstate}";
}
