using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>The question pending before the crisis, asked again once the client is safe, counting toward no attempt
/// or ask counter (docs/engine.md "Crisis protocol"). In 1.2 the body selector runs on an empty answer instead and
/// its step is asked with its usual effects.</summary>
internal static class Reentry
{
    public static TurnPlan Plan(TurnScope t)
    {
        var s = t.S;
        var kind = s.PendingBeforeCrisis ?? QuestionKind.None;
        if (kind is QuestionKind.None or QuestionKind.Safety)
        {
            kind = QuestionKind.Goal;
        }

        if (s.CurrentSubstate == Substates.Complete)
        {
            return Reask(Intents.AfterClose, RuleId.R40_4, Decisions.CloseSession, Situations.SessionClosing, null);
        }

        if (s.CurrentSubstate == Substates.ProblemAndBody && BodySelector.Select(t, AnswerFacts.Empty) is { } step)
        {
            return step;
        }

        return kind switch
        {
            QuestionKind.Goal => Reask(Intents.GoalQuestion, RuleId.R11_4, Decisions.ClarifyGoal,
                Situations.GoalNeedsClarification, RagQueries.GoalClarification),
            QuestionKind.GoalMenu => Reask(Intents.GoalMenu, RuleId.R11_2, Decisions.ClarifyGoal,
                Situations.GoalNeedsClarification, RagQueries.GoalClarification),
            QuestionKind.GoalRefine => Reask(Intents.GoalRefine, RuleId.R11_5, Decisions.BuildVision,
                Situations.GoalStatedNeedsVision, RagQueries.FutureSelfVision),
            QuestionKind.VisionCheck => Reask(Intents.VisionRepresent, RuleId.R11_6, Decisions.BuildVision,
                Situations.GoalStatedNeedsVision, RagQueries.FutureSelfVision),
            QuestionKind.EducationCheck => Reask(Intents.PsychoEducationSimpler, RuleId.R115_2,
                Decisions.ProvidePsychoEducation, Situations.PsychoEducation, null),
            QuestionKind.Problem => Reask(Intents.ProblemQuestion, RuleId.R12_S2a, Decisions.ExploreProblem,
                Situations.ProblemNeedsExploration, RagQueries.ProblemConstruction),
            QuestionKind.BodyEntry => Reask(Intents.BodyEntry, RuleId.R12_S2b, Decisions.BodyAwarenessInquiry,
                Situations.BodySymptomsExploration, RagQueries.BodySymptomPresentMoment),
            QuestionKind.BodyLocation => Reask(Intents.AskLocation, RuleId.R31_2, Decisions.BodyAwarenessInquiry,
                Situations.BodyEnquiryCycle2, RagQueries.BodyLocation),
            QuestionKind.Sensation => Reask(Intents.AskSensation, RuleId.R31_3, Decisions.BodySymptomsExploration,
                Situations.BodyEnquiryCycle2, RagQueries.Sensation),
            QuestionKind.PresentMoment => Reask(BodySelector.PresentMomentKey(s), RuleId.R12_S5,
                Decisions.PresentMomentFocus, Situations.PresentMomentAwareness, RagQueries.PresentMoment),
            QuestionKind.Pattern => Reask(Intents.AskPattern, RuleId.R12_S6, Decisions.PatternInquiry,
                Situations.ExploreTriggerPattern, RagQueries.HowDoYouKnow),
            QuestionKind.Open => Reask(Intents.ReadinessOpen, RuleId.R31_4, Decisions.GeneralInquiry,
                Situations.GeneralTherapeuticInquiry, RagQueries.GeneralApproach),
            QuestionKind.Permission or QuestionKind.AlphaCheckpoint => Reask(Intents.PermissionRequest,
                RuleId.R315_1, Decisions.RequestAlphaPermission, Situations.AlphaPermission,
                RagQueries.TransitionToIntervention),
            QuestionKind.CompletionCheck or QuestionKind.Closing => Reask(Intents.AfterClose, RuleId.R40_4,
                Decisions.CloseSession, Situations.SessionClosing, null),
            _ => Reask(Intents.ReadinessReask, RuleId.R31_5, Decisions.AssessReadiness, Situations.ReadinessForAlpha,
                RagQueries.Ready),
        };
    }

    private static TurnPlan Reask(string key, RuleId rule, string decision, string situation, string? rag) =>
        new(rule, decision, situation, rag, key, "re-entry") { CountsAsAsk = false };
}
