using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>1.1 goal and vision (docs/engine.md "Goal and vision"): T11-a, T11-b, the backstop, then R11-1…R11-6.</summary>
internal static class GoalNavigator
{
    public static TurnPlan Navigate(TurnScope t, bool goalChanged)
    {
        var s = t.S;
        if (t.C.VisionAccepted)
        {
            StateEdits.Transition(s, Substates.PsychoEducation, "vision_accepted", t.Now);
            return Entries.PsychoEducation("T11-a vision accepted");
        }

        if (t.Pending is QuestionKind.VisionCheck or QuestionKind.GoalRefine && s.VisionAttempts >= Limits.VisionAttempts)
        {
            AcceptImplicitly(t);
            StateEdits.Transition(s, Substates.PsychoEducation, "vision_cap", t.Now);
            return Entries.PsychoEducation("T11-b vision cap; implicit acceptance");
        }

        if (Limits.BackstopReached(s))
        {
            if (!t.C.GoalStated)
            {
                GoalAnswers.AdoptDefault(t);
            }

            AcceptImplicitly(t);
            StateEdits.Transition(s, Substates.PsychoEducation, "backstop", t.Now);
            return Entries.PsychoEducation("TB backstop 1.1");
        }

        return Rules(t, goalChanged);
    }

    private static void AcceptImplicitly(TurnScope t)
    {
        t.C.VisionAccepted = true;
        t.S.VisionAcceptedImplicitly = true;
    }

    private static TurnPlan Rules(TurnScope t, bool goalChanged)
    {
        var s = t.S;
        var a = t.A;
        if (!t.C.GoalStated)
        {
            if (s.GoalAttempts >= Limits.GoalAttempts)
            {
                GoalAnswers.AdoptDefault(t);
                return new TurnPlan(RuleId.R11_1, Decisions.BuildVision, Situations.GoalStatedNeedsVision,
                    RagQueries.FutureSelfVision, Intents.GoalSuggestDefault, "goal cap; suggest default goal");
            }

            if (a.Answers.IdkAnswer)
            {
                return new TurnPlan(RuleId.R11_2, Decisions.ClarifyGoal, Situations.GoalNeedsClarification,
                    RagQueries.GoalClarification, Intents.GoalMenu, "does not know; offer goal menu");
            }

            if (s.GoalAttempts >= 1 && (a.Problem.Topics.Count > 0 || a.Emotion.NegativeWords.Count > 0))
            {
                return new TurnPlan(RuleId.R11_3, Decisions.ClarifyGoal, Situations.GoalNeedsClarification,
                    RagQueries.RedirectOutcome, Intents.GoalRedirectOutcome, "problem talk; turn to outcome");
            }

            return new TurnPlan(RuleId.R11_4, Decisions.ClarifyGoal, Situations.GoalNeedsClarification,
                RagQueries.GoalClarification, Intents.GoalQuestion, "no goal; ask goal");
        }

        if (s.GoalVague && !s.GoalRefineAsked)
        {
            return new TurnPlan(RuleId.R11_5, Decisions.BuildVision, Situations.GoalStatedNeedsVision,
                RagQueries.FutureSelfVision, Intents.GoalRefine, "vague goal; refine");
        }

        var fresh = !t.C.VisionPresented || goalChanged;
        if (fresh && s.GoalInferred)
        {
            // A2: a state the client never stated is offered, never restated as theirs.
            return new TurnPlan(RuleId.R11_6, Decisions.BuildVision, Situations.GoalStatedNeedsVision,
                RagQueries.FutureSelfVision, Intents.VisionSuggest, "inferred goal; offer vision (A2)");
        }

        return new TurnPlan(RuleId.R11_6, Decisions.BuildVision, Situations.GoalStatedNeedsVision,
            RagQueries.FutureSelfVision, fresh ? Intents.VisionPresent : Intents.VisionRepresent,
            fresh ? "goal stated; present vision" : "vision not accepted; re-present");
    }
}
