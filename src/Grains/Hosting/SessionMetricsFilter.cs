using System.Diagnostics;
using TrtOrleans.Grains.Interfaces;

namespace TrtOrleans.Grains.Hosting;

/// <summary>Feeds <see cref="SessionMetrics"/> from the outside of the session grain: the latency and outcome of
/// every input, and sessions erased by the cleanup sweep. A grain call filter keeps the metrics out of the grain's
/// own code. It looks at outcomes only, never at the input or the reply text.</summary>
public sealed class SessionMetricsFilter(SessionMetrics metrics) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Grain is not ISessionGrain)
        {
            await context.Invoke();
            return;
        }

        var started = Stopwatch.GetTimestamp();
        await context.Invoke();
        switch (context.Result)
        {
            case InputOutcome outcome:
                metrics.Turn(OutcomeName(outcome.Status), Stopwatch.GetElapsedTime(started), outcome.Response?.Safety.Crisis == true);
                break;
            case true when context.InterfaceMethod.Name == nameof(ISessionGrain.RemoveIfInactiveAsync):
                metrics.SessionExpired("cleanup");
                break;
        }
    }

    private static string OutcomeName(InputStatus status) => status switch
    {
        InputStatus.Processed => "processed",
        InputStatus.Replayed => "replayed",
        InputStatus.RateLimited => "rate_limited",
        InputStatus.InputTooLong => "input_too_long",
        InputStatus.NotFound => "not_found",
        InputStatus.QuotaExceeded => "quota_exceeded",
        _ => "other",
    };
}
