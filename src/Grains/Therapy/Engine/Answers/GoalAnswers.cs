using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>Goal and vision answers in 1.1 (docs/engine.md "Goal and vision"), and the goal edits the 1.1 navigator
/// shares. Returns whether the goal changed on this turn.</summary>
internal static class GoalAnswers
{
    public const string DefaultGoalLabel = "at ease";
    public const string DefaultGoalPhrase = "calmer and more at ease";
    public const string VagueRefinedPhrase = "lighter and more at ease";

    public static bool Apply(TurnScope t)
    {
        var s = t.S;
        var goal = t.A.Goal;
        if (!t.C.GoalStated && t.Pending is QuestionKind.Goal or QuestionKind.GoalMenu or QuestionKind.None)
        {
            if (goal.Recognised)
            {
                SetGoal(t, goal.Label, goal.Phrase);
                return true;
            }

            return false;
        }

        if (t.Pending == QuestionKind.GoalRefine)
        {
            if (goal.Recognised && !goal.Vague)
            {
                SetGoal(t, goal.Label, goal.Phrase);
            }
            else
            {
                // A2: the refinement gave no specific state, so this one is inferred, to be offered, not restated.
                s.DesiredStatePhrase = VagueRefinedPhrase;
                s.GoalInferred = true;
            }

            s.GoalVague = false;
            return true;
        }

        if (t.Pending != QuestionKind.VisionCheck)
        {
            return false;
        }

        var answers = t.A.Answers;
        if (answers.Affirm && !answers.Decline)
        {
            t.C.VisionAccepted = true;
            return false;
        }

        // Read as if the goal question were pending: restating the goal accepts the vision.
        var reading = t.A.GoalIfGoalPending ?? goal;
        if (!reading.Recognised)
        {
            return false;
        }

        if (reading.Label == s.DesiredState && !answers.Decline)
        {
            t.C.VisionAccepted = true;
            return false;
        }

        if (reading.Label != s.DesiredState && !reading.Vague)
        {
            SetGoal(t, reading.Label, reading.Phrase);
            return true;
        }

        return false;
    }

    private static void SetGoal(TurnScope t, string? label, string? phrase)
    {
        var s = t.S;
        label ??= DefaultGoalLabel;
        t.C.GoalStated = true;
        t.C.GoalContent = StateEdits.Cut(string.IsNullOrWhiteSpace(phrase) ? t.A.CorrectedInput : phrase,
            EngineState.ContentMaxChars);
        s.DesiredState = label;
        s.DesiredStatePhrase = string.IsNullOrWhiteSpace(phrase) ? label : phrase;
        s.GoalVague = label == "vague";
        s.GoalInferred = false; // the client's own words from now on
    }

    public static void AdoptDefault(TurnScope t)
    {
        var s = t.S;
        t.C.GoalStated = true;
        t.C.GoalContent = DefaultGoalPhrase;
        s.DesiredState = DefaultGoalLabel;
        s.DesiredStatePhrase = DefaultGoalPhrase;
        s.GoalVague = false;
        s.GoalInferred = true;
    }
}
