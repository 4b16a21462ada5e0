namespace TrtOrleans.Therapy.Engine;

/// <summary>G3: an input without word tokens keeps the pending question; from the third in a row a pause is
/// offered.</summary>
internal static class SilenceGate
{
    private const int SilenceCap = 3;

    public static TurnOutline? TryTake(TurnScope t)
    {
        if (t.A.HasWords)
        {
            return null;
        }

        var s = t.S;
        s.SilenceStreak++;
        var pause = s.SilenceStreak >= SilenceCap;
        if (pause)
        {
            s.HandoffRecommended = true;
        }

        var plan = new TurnPlan(Contracts.RuleId.G3, Decisions.EngagementCheck, Situations.EngagementCheck, null,
            pause ? Intents.PauseOffer : Intents.Silence, $"silence {s.SilenceStreak}");
        return new TurnOutline(plan) { GateTurn = true };
    }
}
