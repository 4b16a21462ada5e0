using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>3.1 readiness with the optional second body cycle (docs/engine.md "Readiness"): T31-a, cycle 2
/// (R31-2/R31-3), R31-4, T31-b, the backstop, R31-5 (LLM point N2 on a general answer).</summary>
internal static class ReadinessNavigator
{
    public static (TurnPlan Plan, LlmPoint Point) Navigate(TurnScope t)
    {
        var s = t.S;
        var ans = t.A.Answers;
        var cycle2Pending = t.Pending is QuestionKind.BodyLocation or QuestionKind.Sensation;
        if ((t.Pending is QuestionKind.Readiness or QuestionKind.Open || cycle2Pending)
            && (ans.NothingMore || ans.Decline || ans.Ready || ans.IdkAnswer))
        {
            return (Entries.Permission(t, "client_ready", "T31-a done; ask permission"), LlmPoint.None);
        }

        // A4: "the clenching is easing" is a present-moment answer about what they already feel, not a new complaint
        // to locate, so a sensation reported only as changing does not open cycle 2.
        var body = t.A.Body;
        var material = t.F.NewEmotions.Count > 0 || t.F.NewTopics.Count > 0
            || body.Locations.Count > 0 || (body.Sensations.Count > 0 && !body.Changing);
        var open = cycle2Pending;
        if (material && s.BodyEnquiryCycles < Limits.BodyCycles && s.BodyQuestionCount < Limits.BodyQuestionLimit)
        {
            s.BodyEnquiryCycles = Limits.BodyCycles;
            s.Cycle = new BodyCycle
            {
                Focus = t.F.NewEmotions.LastOrDefault() ?? t.F.NewTopics.LastOrDefault() ?? t.C.EmotionContent,
                LocationGiven = body.Locations.Count > 0,
                SensationGiven = body.Sensations.Count > 0,
            };
            open = true;
        }

        var plan = open ? CycleTwoStep(s) : null;
        if (plan is null && t.Pending == QuestionKind.Readiness && ans.Affirm && !material
            && s.GeneralInquiryStreak < Limits.GeneralInquiry)
        {
            plan = new TurnPlan(RuleId.R31_4, Decisions.GeneralInquiry, Situations.GeneralTherapeuticInquiry,
                RagQueries.GeneralApproach, Intents.ReadinessOpen, "something more; invite it");
        }

        if (plan is null && s.ReadinessAsks >= Limits.ReadinessAsks)
        {
            return (Entries.Permission(t, "readiness_cap", "T31-b readiness cap; ask permission"), LlmPoint.None);
        }

        if (Limits.BackstopReached(s))
        {
            return (Entries.Permission(t, "backstop", "TB backstop 3.1; ask permission"), LlmPoint.None);
        }

        if (plan is not null)
        {
            return (plan, LlmPoint.None);
        }

        var reask = new TurnPlan(RuleId.R31_5, Decisions.AssessReadiness, Situations.ReadinessForAlpha,
            RagQueries.Ready, Intents.ReadinessReask, "ask readiness again");
        return (reask, s.LastClientProvidedInfo == "general_response" ? LlmPoint.N2 : LlmPoint.None);
    }

    private static TurnPlan? CycleTwoStep(EngineState s) =>
        s.Cycle is not { } cycle || s.BodyQuestionCount >= Limits.BodyQuestionLimit
            ? null
            : BodySelector.CycleAsk(cycle, Situations.BodyEnquiryCycle2, (RuleId.R31_2, "cycle 2; ask where"),
                (RuleId.R31_3, "cycle 2; ask sensation"));
}
