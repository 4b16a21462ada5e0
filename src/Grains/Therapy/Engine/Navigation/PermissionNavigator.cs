using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>3.1.5 permission for the exercise: consent starts it (T315-a); declines and unclear answers are met
/// until the caps close the session (T315-b).</summary>
internal static class PermissionNavigator
{
    public static TurnPlan Navigate(TurnScope t)
    {
        var s = t.S;
        var ans = t.A.Answers;
        // Any idk cue voids consent ("i am not sure i am ready" is not consent), not only an idk answer.
        if (ans.Consent && !ans.Decline && !ans.Stop && !ans.IdkAnswer && !t.A.IDontKnow.Detected)
        {
            StateEdits.Transition(s, Substates.AlphaSequence, "consent", t.Now);
            s.AlphaStarted = true;
            s.AlphaStep = AlphaStep.Jaw;
            s.AlphaStepAttempts = 0;
            return AlphaNavigator.Plan(Intents.Alpha(AlphaStep.Jaw), "T315-a consent; start with the jaw");
        }

        var declined = ans.Decline || ans.Stop;
        if (declined)
        {
            s.PermissionDeclines++;
        }

        if ((declined && s.PermissionDeclines >= Limits.PermissionDeclines) || s.PermissionAsks >= Limits.PermissionAsks)
        {
            return Entries.CloseWithoutExercise(t, "alpha_declined", "T315-b no consent; close");
        }

        if (Limits.BackstopReached(s))
        {
            return Entries.CloseWithoutExercise(t, "backstop", "TB backstop 3.1.5; close");
        }

        return declined && s.PermissionDeclines == 1
            ? new TurnPlan(RuleId.R315_2, Decisions.RequestAlphaPermission, Situations.AlphaPermission,
                RagQueries.TransitionToIntervention, Intents.PermissionReassure, "hesitation; reassure and ask again")
            : new TurnPlan(RuleId.R315_2, Decisions.RequestAlphaPermission, Situations.AlphaPermission,
                RagQueries.TransitionToIntervention, Intents.PermissionExplain, "unclear; explain and ask again");
    }
}
