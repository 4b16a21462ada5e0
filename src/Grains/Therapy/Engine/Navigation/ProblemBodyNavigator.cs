using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>1.2 problem and body: the body limit (T12-a), "nothing more" (T12-b), the selector (T12-c when DONE),
/// the backstop. A general answer leaves LLM point N1 open.</summary>
internal static class ProblemBodyNavigator
{
    public static (TurnPlan Plan, LlmPoint Point) Navigate(TurnScope t)
    {
        var s = t.S;
        if (s.BodyQuestionCount >= Limits.BodyQuestionLimit)
        {
            return (Entries.Readiness(t, "body_limit"), LlmPoint.None);
        }

        if (t.A.Answers.NothingMore && t.C.BodyAwarenessPresent)
        {
            return (Entries.Readiness(t, "client_done"), LlmPoint.None);
        }

        var step = BodySelector.Select(t, AnswerFacts.Of(t));
        if (step is null)
        {
            return (Entries.Readiness(t, "checklist_done"), LlmPoint.None);
        }

        if (Limits.BackstopReached(s))
        {
            return (Entries.Readiness(t, "backstop"), LlmPoint.None);
        }

        return (step, s.LastClientProvidedInfo == "general_response" ? LlmPoint.N1 : LlmPoint.None);
    }
}
