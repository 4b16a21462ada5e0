using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Bench;

/// <summary>One engine turn through its single entry point, for callers that apply their own rate limit (the plan
/// design keeps its counter in Redis) or none (the engine micro-benchmark).</summary>
internal static class EngineCalls
{
    private static readonly RatePolicy Unlimited = new(int.MaxValue, TimeSpan.FromMinutes(1), 0);

    public static async Task<TurnResult> TurnAsync(this ITrtEngine engine, EngineState state, string input, DateTimeOffset now)
    {
        var decision = await engine.RunTurnAsync(new TurnInput(state, input, now, "bench", [], Unlimited), CancellationToken.None);
        return decision is TurnDecision.Processed processed
            ? processed.Result
            : throw new InvalidOperationException($"The engine refused a benchmark input ({((TurnDecision.Refused)decision).Reason}).");
    }
}
