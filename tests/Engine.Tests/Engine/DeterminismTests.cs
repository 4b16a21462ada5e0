using System.Text.Json;
using TrtOrleans.Therapy.Contracts;
using static TrtOrleans.Engine.Tests.Engine.EngineHarness;

namespace TrtOrleans.Engine.Tests.Engine;

/// <summary>§10.2 determinism, §18 replay and isolation, and the §18 property test.</summary>
public sealed class DeterminismTests
{
    private static readonly string[] _script =
    [
        "Hi. I've been on edge for weeks.", "I'd like to feel settled again", "Yes, that's exactly it",
        "Makes sense to me", "Money. The rent went up and I can't cover it", "A tight band across my chest",
        "Yes, it's there right now", "I notice it every time I open my banking app", "No, that covers it",
        "Sure, let's try", "A little calmer", "Calmer again", "Much more relaxed", "Lighter, thank you",
    ];

    private static readonly string[] _phrasePool =
    [
        "I don't know", "yes", "no", "okay", "maybe", "I feel anxious all the time", "my chest is tight",
        "work has been awful", "I want to feel calm", "it's there right now", "nothing else", "I think it's because of my dad",
        "back when I was a kid it was worse", "my shoulders ache", "not sure", "every time my boss calls I tense up",
        "sure, let's try", "better", "still tight", "I'd rather not", "what do you mean?", "I'm tired and stressed",
        "hmm", "my stomach feels heavy", "I guess so", "that's all", "stop", "calmer", "same really", "money and bills",
        "I'd like to feel lighter", "there's a knot in my throat", "nope", "ready", "can we stop",
    ];

    private static string Fingerprint(IEnumerable<TurnResult> turns) => string.Join("\n", turns.Select(t =>
        $"{t.Response.TherapistResponse}|{t.Response.Navigation.Decision}|{t.Response.Navigation.SituationType}|" +
        $"{t.Response.Navigation.RagQuery}|{t.Response.Navigation.Reasoning}|{t.Response.SessionProgress.CurrentSubstate}"));

    [Fact]
    public async Task SameScriptTwiceGivesIdenticalReplies()
    {
        var (_, a) = await RunAsync(Real(), "det-session", _script);
        var (_, b) = await RunAsync(Real(), "det-session", _script);
        Assert.Equal(Fingerprint(a), Fingerprint(b));
    }

    [Fact]
    public async Task JsonRoundTripBetweenEveryTurnGivesIdenticalReplies()
    {
        var (plainState, a) = await RunAsync(Real(), "rt-session", _script);
        var (roundTripState, b) = await RunAsync(Real(), "rt-session", _script, roundTrip: true);
        Assert.Equal(Fingerprint(a), Fingerprint(b));
        Assert.Equal(JsonSerializer.Serialize(plainState, Json), JsonSerializer.Serialize(roundTripState, Json));
    }

    [Fact]
    public async Task DifferentSessionIdsVaryTheWording()
    {
        var replies = new HashSet<string>();
        for (var i = 0; i < 6; i++)
        {
            var (_, turns) = await RunAsync(Real(), $"vary-{i}", _script.Take(4));
            replies.Add(Fingerprint(turns));
        }

        Assert.True(replies.Count > 1);
    }

    [Fact]
    public async Task InterleavedSessionsBehaveAsIfRunAlone()
    {
        var engine = Real();
        string[] other = ["no idea, honestly", "hmm, dunno", "I really don't know", "still nothing comes to me", "maybe",
            "I guess so", "ok", "don't know", "no clue", "not sure", "dunno", "nope", "no", "no"];
        var (_, aloneA) = await RunAsync(engine, "inter-a", _script);
        var (_, aloneB) = await RunAsync(engine, "inter-b", other);

        var stateA = engine.NewSession("inter-a", T0);
        var stateB = engine.NewSession("inter-b", T0);
        var turnsA = new List<TurnResult>();
        var turnsB = new List<TurnResult>();
        for (var i = 0; i < _script.Length; i++)
        {
            var now = T0.AddMinutes(i + 1);
            var ra = await engine.TurnAsync(stateA, _script[i], now);
            var rb = await engine.TurnAsync(stateB, other[i], now);
            turnsA.Add(ra);
            turnsB.Add(rb);
            stateA = ra.State;
            stateB = rb.State;
        }

        Assert.Equal(Fingerprint(aloneA), Fingerprint(turnsA));
        Assert.Equal(Fingerprint(aloneB), Fingerprint(turnsB));
    }

    [Fact]
    public async Task ProcessTurnNeverMutatesItsArgument()
    {
        var engine = Real();
        var state = engine.NewSession("immutable", T0);
        foreach (var input in _script)
        {
            var before = JsonSerializer.Serialize(state, Json);
            var result = await engine.TurnAsync(state, input, T0);
            Assert.Equal(before, JsonSerializer.Serialize(state, Json));
            Assert.NotSame(state, result.State);
            state = result.State;
        }
    }

    [Fact]
    public async Task RandomNonSilentInputsReachCompletionOrASafetyHoldWithinTheBackstops()
    {
        // The sum of the §16 backstops plus slack for the entry turns: every path must end before it.
        const int maxTurns = 12 + 3 + 15 + 8 + 5 + 12 + 10;
        var engine = Real();
        for (var run = 0; run < 60; run++)
        {
            var random = new Random(1000 + run);
            var state = engine.NewSession($"prop-{run}", T0);
            var ended = false;
            for (var turn = 0; turn < maxTurns && !ended; turn++)
            {
                var input = _phrasePool[random.Next(_phrasePool.Length)];
                var result = await engine.TurnAsync(state, input, T0.AddMinutes(turn));
                Assert.False(string.IsNullOrWhiteSpace(result.Response.TherapistResponse));
                Assert.Equal(result.Response.SessionProgress.CurrentSubstate, result.Response.Navigation.NextState);
                Assert.Equal(result.State.CurrentSubstate, result.Exchange.Substate);
                Assert.True(result.State.RecentExchanges.Count <= EngineState.RecentExchangesCap);
                state = result.State;
                ended = state.CurrentSubstate == Substates.Complete || state.AwaitingSafetyAnswer;
            }

            Assert.True(ended, $"run {run} did not end within {maxTurns} turns (at {state.CurrentSubstate})");
            if (state.CurrentSubstate == Substates.Complete)
            {
                Assert.Equal("completed", state.Status);
            }
        }
    }
}
