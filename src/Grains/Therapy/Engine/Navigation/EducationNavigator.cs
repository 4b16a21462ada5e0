using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>1.1.5 psycho-education: one re-explanation at most, then on to 1.2 (T115).</summary>
internal static class EducationNavigator
{
    public static TurnPlan Navigate(TurnScope t)
    {
        var stays = !t.C.EducationUnderstood && t.S.PsychoEducationRepeats == 0;
        if (!stays || Limits.BackstopReached(t.S))
        {
            StateEdits.Transition(t.S, Substates.ProblemAndBody, stays ? "backstop" : "education_answered", t.Now);
            return Entries.ProblemAndBody(t);
        }

        return new TurnPlan(RuleId.R115_2, Decisions.ProvidePsychoEducation, Situations.PsychoEducation, null,
            Intents.PsychoEducationSimpler, "not understood; explain more simply");
    }
}
