using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>The entry plans of substates, shared by the navigators that lead into them.</summary>
internal static class Entries
{
    public static TurnPlan PsychoEducation(string summary) =>
        new(RuleId.R115_1, Decisions.ProvidePsychoEducation, Situations.PsychoEducation, null, Intents.PsychoEducation,
            summary + "; psycho-education");

    /// <summary>The entry turn of 1.2 runs the selector on the same answer and may chain on to 3.1 (T12-c). Body words
    /// of that answer were kept for cycle 1 (A3): they wait for the problem question rather than start the cycle.</summary>
    public static TurnPlan ProblemAndBody(TurnScope t)
    {
        var facts = AnswerFacts.Of(t);
        if (EarlyBodyWords.Kept(t.S) && facts.NewEmotion is null && facts.LatestEmotion is null)
        {
            facts = facts with { HasLocation = false, HasSensation = false };
        }

        return BodySelector.Select(t, facts) ?? Readiness(t, "checklist_done");
    }

    /// <summary>Enters 3.1 (T12-a/b/c or a backstop) and asks the readiness question.</summary>
    public static TurnPlan Readiness(TurnScope t, string reason)
    {
        StateEdits.Transition(t.S, Substates.AssessReadiness, reason, t.Now);
        return new TurnPlan(RuleId.R31_1, Decisions.AssessReadiness, Situations.ReadinessForAlpha, RagQueries.Ready,
            reason == "body_limit" ? Intents.ReadinessQuestionBodyLimit : Intents.ReadinessQuestion,
            $"entry ({reason}); ask readiness");
    }

    /// <summary>Enters 3.1.5 and asks permission for the exercise.</summary>
    public static TurnPlan Permission(TurnScope t, string reason, string summary)
    {
        StateEdits.Transition(t.S, Substates.AlphaPermission, reason, t.Now);
        return new TurnPlan(RuleId.R315_1, Decisions.RequestAlphaPermission, Situations.AlphaPermission,
            RagQueries.TransitionToIntervention, Intents.PermissionRequest, summary);
    }

    /// <summary>Enters stage_1_complete without the exercise finishing (T315-b, T32-b, backstops): R40-2.</summary>
    public static TurnPlan CloseWithoutExercise(TurnScope t, string reason, string summary, RuleId rule = RuleId.R40_2)
    {
        if (t.F.StartSubstate == Substates.AlphaPermission)
        {
            t.S.ClosingReason ??= "alpha_declined";
        }

        StateEdits.Transition(t.S, Substates.Complete, reason, t.Now);
        return new TurnPlan(rule, Decisions.CloseSession, Situations.SessionClosing, null,
            Intents.CloseWithoutExercise, summary);
    }
}
