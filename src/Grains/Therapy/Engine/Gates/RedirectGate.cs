using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>G4/G5 (docs/engine.md "Gates"): past-tense and thinking-mode answers to problem, body and readiness
/// questions are turned back to the present and the body; from the third redirect on, the exercise is offered.</summary>
internal static class RedirectGate
{
    private const int RedirectCap = 3;

    public static TurnOutline? TryTake(TurnScope t)
    {
        var s = t.S;
        if (s.CurrentSubstate is not (Substates.ProblemAndBody or Substates.AssessReadiness))
        {
            return null;
        }

        var a = t.A;
        var body = a.Body;
        var bodyKind = BodyKinds.IsBodyKind(t.Pending);
        var past = a.PastTense.Detected
            && (bodyKind || t.Pending is QuestionKind.Problem or QuestionKind.Readiness or QuestionKind.Open)
            && body.Locations.Count == 0 && body.Sensations.Count == 0 && !a.Answers.NothingMore;
        var thinking = !past && a.Thinking.Detected
            && (bodyKind || t.Pending == QuestionKind.Readiness)
            && a.Emotion.NegativeWords.Count == 0 && body.Locations.Count == 0 && body.Sensations.Count == 0
            && !body.PresentCue && !body.Absent && !a.Answers.NothingMore;
        if (!past && !thinking)
        {
            return null;
        }

        // A redirect turn keeps only emotions and problem content from the input.
        AnswerRecorder.RecordEmotions(t);
        AnswerRecorder.RecordProblem(t);
        s.LastClientProvidedInfo = AnswerRecorder.AnswerType(t);
        if (s.PastRedirects + s.ThinkingRedirects >= RedirectCap)
        {
            StateEdits.Transition(s, Substates.AlphaPermission, "redirect_cap", t.Now);
            return new TurnOutline(new TurnPlan(RuleId.G5, Decisions.RequestAlphaPermission,
                Situations.AlphaPermission, RagQueries.TransitionToIntervention, Intents.PermissionAfterRedirects,
                "redirect cap; ask permission"));
        }

        return new TurnOutline(past
            ? new TurnPlan(RuleId.G4a, Decisions.RedirectPastTense, Situations.PastTenseRedirect, null,
                Intents.RedirectPast, "past tense; back to the present")
            : new TurnPlan(RuleId.G4b, Decisions.RedirectThinkingMode, Situations.ThinkingModeRedirect, null,
                Intents.RedirectThinking, "thinking mode; back to the body"));
    }
}
