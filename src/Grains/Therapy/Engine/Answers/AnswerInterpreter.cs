using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>Answer interpretation (docs/engine.md "Answer interpretation"): the updates of the substate the turn
/// started in. Returns whether the goal changed on this turn.</summary>
internal static class AnswerInterpreter
{
    public static bool Apply(TurnScope t)
    {
        var s = t.S;
        s.LastClientProvidedInfo = AnswerRecorder.AnswerType(t);
        var sub = t.F.StartSubstate;
        if (sub is Substates.GoalAndVision or Substates.PsychoEducation or Substates.ProblemAndBody
            or Substates.AssessReadiness)
        {
            AnswerRecorder.RecordEmotions(t);
            AnswerRecorder.RecordBody(t);
            EarlyBodyWords.Remember(t);
        }

        if (sub is Substates.ProblemAndBody or Substates.AssessReadiness)
        {
            ProblemAndBody(t);
            return false;
        }

        if (sub == Substates.GoalAndVision)
        {
            return GoalAnswers.Apply(t);
        }

        if (sub == Substates.PsychoEducation && t.Pending is QuestionKind.EducationCheck or QuestionKind.None)
        {
            var a = t.A;
            var confused = a.Answers.Confusion || a.Answers.IdkAnswer || (a.IsQuestion && !a.Answers.Affirm);
            if (!confused)
            {
                t.C.EducationUnderstood = true;
            }
        }

        return false;
    }

    private static void ProblemAndBody(TurnScope t)
    {
        var s = t.S;
        var a = t.A;
        AnswerRecorder.RecordProblem(t);
        var body = a.Body;
        if (body.PresentCue)
        {
            t.C.PresentMomentFocus = true;
        }

        if (s.Cycle is { } cycle)
        {
            cycle.LocationGiven |= body.Locations.Count > 0;
            cycle.SensationGiven |= body.Sensations.Count > 0;
        }

        var hasBodyInfo = s.BodyLocations.Count > 0 || s.Sensations.Count > 0;
        if (t.Pending == QuestionKind.PresentMoment && a.Answers.Affirm && hasBodyInfo)
        {
            t.C.PresentMomentFocus = true;
        }

        if (a.Problem.PatternAnswer)
        {
            t.C.PatternUnderstood = true;
        }

        // One counter of unproductive answers to body questions.
        if (BodyKinds.IsBodyKind(t.Pending))
        {
            var productive = body.Locations.Count > 0 || body.Sensations.Count > 0 || body.PresentCue
                || t.F.NewEmotions.Count > 0
                || (t.Pending == QuestionKind.PresentMoment && (a.Answers.Affirm || a.Answers.Decline));
            if (!productive)
            {
                s.BodyQuestionCount++;
            }
        }
    }
}
