using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>stage_1_complete: the closing reply once, then the after-close reply (R40-3, R40-4).</summary>
internal static class ClosedNavigator
{
    public static TurnPlan Navigate(TurnScope t)
    {
        if (!t.S.SessionConclusionGiven)
        {
            var emotion = t.A.Emotion;
            var key = emotion.PositiveWords.Count > 0 ? Intents.ClosingPositive
                : emotion.NegativeWords.Count > 0 ? Intents.ClosingDifficult
                : Intents.Closing;
            return new TurnPlan(RuleId.R40_3, Decisions.CloseSession, Situations.SessionClosing, null, key,
                "closing after completion");
        }

        return new TurnPlan(RuleId.R40_4, Decisions.CloseSession, Situations.SessionClosing, null, Intents.AfterClose,
            "session already closed");
    }
}
