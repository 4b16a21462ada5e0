using TrtOrleans.Therapy.Contracts;
using TrtOrleans.Therapy.Engine;
using TrtOrleans.Therapy.Text;
using static TrtOrleans.Engine.Tests.Engine.EngineHarness;

namespace TrtOrleans.Engine.Tests.Engine;

/// <summary>Admission (docs/engine.md "Admission"): the length limit, the crisis check, the rate limit and its capped
/// crisis bypass, all decided by the engine in the one call of a turn.</summary>
public sealed class AdmissionTests
{
    private static readonly RatePolicy Rate = new(10, TimeSpan.FromMinutes(1), 30);
    private static readonly Lazy<TextAnalyzer> Shipped = new(TextAnalyzer.LoadDefault);

    private static (TrtEngine Engine, CountingAnalyzer Counter) Counted()
    {
        var counter = new CountingAnalyzer(Shipped.Value);
        return (new TrtEngine(counter, Templates), counter);
    }

    private static Task<TurnDecision> Run(TrtEngine engine, EngineState state, string text, DateTimeOffset now,
        IReadOnlyList<DateTimeOffset>? recent = null) =>
        engine.RunTurnAsync(new TurnInput(state, text, now, "ref-1", recent ?? [], Rate), CancellationToken.None);

    private static List<DateTimeOffset> Times(int count, DateTimeOffset now) =>
        Enumerable.Range(0, count).Select(i => now.AddSeconds(-50 + i)).ToList();

    [Fact]
    public async Task EveryInputIsAnalysedExactlyOnceAndTheCrisisDetectorIsNeverRunApart()
    {
        var (engine, counter) = Counted();
        string[] w1 =
        [
            "Hi. I've been on edge for weeks.", "I'd like to feel settled again", "Yes, that's exactly it",
            "Makes sense to me", "Money. The rent went up and I can't cover it", "I want to kill myself",
            "yes, I am safe", "   ",
        ];
        var state = engine.NewSession("once", T0);
        var minute = 0;
        foreach (var text in w1)
        {
            var result = Assert.IsType<TurnDecision.Processed>(await Run(engine, state, text, T0.AddMinutes(++minute))).Result;
            state = result.State;
        }

        Assert.Equal(w1.Length, counter.AnalyzeCalls);
        Assert.Equal(0, counter.DetectCrisisCalls);
    }

    [Fact]
    public async Task ALongOrdinaryInputIsRefusedAndChangesNothing()
    {
        var (engine, _) = Counted();
        var state = engine.NewSession("long", T0);
        var decision = await Run(engine, state, new string('a', 3000) + " " + new string('b', 2000), T0);
        Assert.Equal(new TurnDecision.Refused(RefusalReason.TooLong, 0), decision);
        Assert.Equal(0, state.TurnCount);
    }

    [Fact]
    public async Task ALongCrisisMessageIsAnsweredButOnlyItsFirst4000CharactersAreReadAndStored()
    {
        var (engine, counter) = Counted();
        var text = "I want to kill myself. " + string.Concat(Enumerable.Repeat("everything is too much today. ", 2000));
        var result = Assert.IsType<TurnDecision.Processed>(await Run(engine, engine.NewSession("c", T0), text, T0)).Result;
        Assert.True(result.Response.Safety.Crisis);
        Assert.Equal(TurnLimits.MaxInputChars, counter.LongestInput);
        Assert.Equal(TurnLimits.MaxInputChars, result.StoredInput.Length);
        Assert.Equal(TurnLimits.MaxInputChars, result.Exchange.ClientInput.Length);
        Assert.Equal(TurnLimits.MaxInputChars, result.State.RecentExchanges[^1].ClientInput.Length);
        Assert.Equal(TurnLimits.MaxInputChars, result.Response.Preprocessing.OriginalInput.Length);
    }

    [Fact]
    public async Task TheEleventhOrdinaryInputInTheWindowIsRefusedWithRetryAfter()
    {
        var (engine, _) = Counted();
        var recent = Times(10, T0);
        var decision = Assert.IsType<TurnDecision.Refused>(await Run(engine, engine.NewSession("r", T0), "hello there", T0, recent));
        Assert.Equal(RefusalReason.RateLimited, decision.Reason);
        Assert.Equal(10, decision.RetryAfterSeconds); // the oldest of the ten leaves the window 10 s from now
    }

    [Fact]
    public async Task AnInputUnderTheLimitIsRecordedInTheWindowItReturns()
    {
        var (engine, _) = Counted();
        var old = T0.AddMinutes(-5);
        var result = Assert.IsType<TurnDecision.Processed>(
            await Run(engine, engine.NewSession("w", T0), "hello there", T0, [old, T0.AddSeconds(-5)])).Result;
        Assert.Equal([T0.AddSeconds(-5), T0], result.RecentInputs);
    }

    [Fact]
    public async Task ACrisisInputBypassesTheLimitAndTheBypassIsAudited()
    {
        var (engine, _) = Counted();
        var result = Assert.IsType<TurnDecision.Processed>(
            await Run(engine, engine.NewSession("b", T0), "I want to kill myself", T0, Times(10, T0))).Result;
        Assert.Equal(11, result.RecentInputs.Count);
        var bypass = Assert.Single(result.AuditEvents, e => e.Type == "crisis_rate_limit_bypassed");
        Assert.Equal("ref-1", bypass.SessionRef);
        Assert.Equal("high", bypass.RiskLevel);
    }

    [Fact]
    public async Task WhileASafetyAnswerIsAwaitedEveryInputBypassesTheLimit()
    {
        var (engine, _) = Counted();
        var state = engine.NewSession("hold", T0);
        state.CrisisActive = state.AwaitingSafetyAnswer = true;
        state.LastQuestionKind = QuestionKind.Safety;
        var decision = await Run(engine, state, "I'd rather talk about work", T0, Times(10, T0));
        Assert.IsType<TurnDecision.Processed>(decision);
    }

    [Fact]
    public async Task TheCrisisBypassHasItsOwnFiniteCap()
    {
        var (engine, _) = Counted();
        var state = engine.NewSession("cap", T0);
        state.CrisisActive = state.AwaitingSafetyAnswer = true;
        var atCap = Times(40, T0);
        var refused = Assert.IsType<TurnDecision.Refused>(await Run(engine, state, "I want to kill myself", T0, atCap));
        Assert.Equal(RefusalReason.RateLimited, refused.Reason);
        Assert.Equal(10, refused.RetryAfterSeconds);

        var belowCap = Times(39, T0);
        Assert.IsType<TurnDecision.Processed>(await Run(engine, state, "I want to kill myself", T0, belowCap));
    }

    [Fact]
    public async Task TheGivenStateIsNeverChanged()
    {
        var (engine, _) = Counted();
        var state = engine.NewSession("pure", T0);
        await Run(engine, state, "I want to feel calm", T0);
        Assert.Equal(0, state.TurnCount);
        Assert.Empty(state.RecentExchanges);
    }
}
