using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>The outcome of admission: refused, or admitted with the one analysis of the input as read.</summary>
internal sealed record Admitted(
    string Input,
    TextAnalysis Analysis,
    bool RateLimitBypassed,
    IReadOnlyList<DateTimeOffset> RecentInputs)
{
    public override string ToString() => $"Admitted {{ Chars = {Input.Length}, Bypassed = {RateLimitBypassed} }}";
}

/// <summary>Admission, the first stage of a turn (docs/engine.md "Admission"): the length limit, the crisis check and
/// the rate-limit decision with its crisis bypass. The input is cut to <see cref="TurnLimits.MaxInputChars"/> before it
/// is analysed, so the engine never reads more than that, whatever the caller sends; the analysis made here is the
/// only one of the turn.</summary>
internal static class Admission
{
    public static (Admitted? Admitted, TurnDecision.Refused? Refused) Decide(ITextAnalyzer analyzer, TurnInput input)
    {
        var raw = input.UserInput ?? "";
        var text = raw.Length > TurnLimits.MaxInputChars ? raw[..TurnLimits.MaxInputChars] : raw;
        var analysis = analyzer.Analyze(text, input.State.LastQuestionKind);
        var crisis = analysis.Crisis.Detected;

        // Only a crisis message may be longer than the limit, and then only its first part is read and stored.
        if (raw.Length > TurnLimits.MaxInputChars && !crisis)
        {
            return (null, new TurnDecision.Refused(RefusalReason.TooLong, 0));
        }

        var rate = input.Rate;
        var inWindow = input.RecentInputs.Where(t => input.Now - t < rate.Window).Order().ToList();
        var bypassAllowed = crisis || input.State.CrisisActive || input.State.AwaitingSafetyAnswer;
        var bypassed = false;
        var limit = Math.Max(1, rate.Limit);
        if (inWindow.Count >= limit)
        {
            var ceiling = limit + (bypassAllowed ? Math.Max(0, rate.CrisisBypass) : 0);
            if (inWindow.Count >= ceiling)
            {
                return (null, new TurnDecision.Refused(RefusalReason.RateLimited, RetryAfter(inWindow, ceiling, input.Now, rate)));
            }

            bypassed = true;
        }

        // The window keeps what the largest ceiling needs; every accepted input counts, crisis ones included.
        inWindow.Add(input.Now);
        var keep = limit + Math.Max(0, rate.CrisisBypass);
        if (inWindow.Count > keep)
        {
            inWindow.RemoveRange(0, inWindow.Count - keep);
        }

        return (new Admitted(text, analysis, bypassed, inWindow), null);
    }

    /// <summary>Seconds until fewer than <paramref name="ceiling"/> inputs remain in the window.</summary>
    private static int RetryAfter(List<DateTimeOffset> inWindow, int ceiling, DateTimeOffset now, RatePolicy rate)
    {
        var freeAt = inWindow[^ceiling] + rate.Window;
        return Math.Max(1, (int)Math.Ceiling((freeAt - now).TotalSeconds));
    }
}
