using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>The 1.2 selector (docs/engine.md "The 1.2 selector"), steps S0–S7. Returns null for DONE. Cycle starts
/// driven by the answer (S0, S1) happen here; the S2b cycle starts when its body-entry reply is emitted.</summary>
internal static class BodySelector
{
    public static TurnPlan? Select(TurnScope t, AnswerFacts f)
    {
        var s = t.S;
        var c = t.C;
        var cycle = s.Cycle;
        if (f.NewEmotion is not null && cycle is { LocationGiven: true } && s.BodyEnquiryCycles < Limits.BodyCycles)
        {
            StartCycle(s, f.NewEmotion, f); // S0
        }
        else if (cycle is null && (f.HasEmotion || f.HasLocation || f.HasSensation))
        {
            StartCycle(s, f.LatestEmotion ?? c.EmotionContent ?? f.LatestTopic ?? s.ProblemTopics.LastOrDefault(), f); // S1
        }
        else if (cycle is { LocationGiven: false } && f.NewEmotion is not null)
        {
            cycle.Focus = f.NewEmotion;
        }

        cycle = s.Cycle;
        if (cycle is null)
        {
            if (!c.ProblemIdentified && !s.ProblemQuestionAsked)
            {
                return new TurnPlan(RuleId.R12_S2a, Decisions.ExploreProblem, Situations.ProblemNeedsExploration,
                    RagQueries.ProblemConstruction, Intents.ProblemQuestion, "no problem yet; ask problem");
            }

            if (EarlyBodyWords.Kept(s))
            {
                // A3: the body words said early start cycle 1; only what is still missing is asked.
                return Select(t, f with { HasLocation = s.EarlyLocation, HasSensation = s.EarlySensation,
                    LatestTopic = f.LatestTopic ?? s.ProblemTopics.LastOrDefault() });
            }

            return new TurnPlan(RuleId.R12_S2b, Decisions.BodyAwarenessInquiry, Situations.BodySymptomsExploration,
                RagQueries.BodySymptomPresentMoment, Intents.BodyEntry, "start body cycle; ask what and where")
            {
                CycleFocus = f.LatestTopic ?? s.ProblemTopics.LastOrDefault() ?? "it",
            };
        }

        if (s.BodyQuestionCount >= Limits.BodyQuestionLimit)
        {
            return null;
        }

        if (CycleAsk(cycle, Situations.BodySymptomsExploration, (RuleId.R12_S3, "no location; ask where"),
                (RuleId.R12_S4, "location known; ask sensation")) is { } ask)
        {
            return ask;
        }

        if (!c.PresentMomentFocus && s.PresentMomentAsks == 0)
        {
            return new TurnPlan(RuleId.R12_S5, Decisions.PresentMomentFocus, Situations.PresentMomentAwareness,
                RagQueries.PresentMoment, PresentMomentKey(s), "ask if it is there now");
        }

        if (c.ProblemIdentified && !s.PatternInquiryAsked)
        {
            return PatternPlan(RuleId.R12_S6);
        }

        return null;
    }

    public static TurnPlan PatternPlan(RuleId rule) =>
        new(rule, Decisions.PatternInquiry, Situations.ExploreTriggerPattern, RagQueries.HowDoYouKnow,
            Intents.AskPattern, "ask how they know it starts");

    public static TurnPlan GeneralInquiryPlan(RuleId rule) =>
        new(rule, Decisions.GeneralInquiry, Situations.GeneralTherapeuticInquiry, RagQueries.GeneralApproach,
            Intents.GeneralInquiry, "reflect and invite more");

    /// <summary>The where/what step of a body cycle, shared by the first cycle and the second: ask where until a
    /// location is given (with examples from the second ask), then what it feels like; null when both are known or
    /// their asks are used up.</summary>
    public static TurnPlan? CycleAsk(BodyCycle cycle, string situation, (RuleId Rule, string Note) askWhere, (RuleId Rule, string Note) askSensation)
    {
        if (!cycle.LocationGiven && cycle.LocationAsks < Limits.AsksPerCycle)
        {
            return new TurnPlan(askWhere.Rule, Decisions.BodyAwarenessInquiry, situation, RagQueries.BodyLocation,
                cycle.LocationAsks >= 1 ? Intents.AskLocationExamples : Intents.AskLocation, askWhere.Note);
        }

        if (cycle.LocationGiven && !cycle.SensationGiven && cycle.SensationAsks < Limits.AsksPerCycle)
        {
            return new TurnPlan(askSensation.Rule, Decisions.BodySymptomsExploration, situation, RagQueries.Sensation,
                Intents.AskSensation, askSensation.Note);
        }

        return null;
    }

    public static string PresentMomentKey(EngineState s) =>
        s.BodyLocations.Count > 0 || s.Sensations.Count > 0 ? Intents.AskPresentMoment : Intents.AskPresentMomentOpen;

    private static void StartCycle(EngineState s, string? focus, AnswerFacts f)
    {
        s.BodyEnquiryCycles = Math.Min(Limits.BodyCycles, s.BodyEnquiryCycles + 1);
        s.Cycle = new BodyCycle { Focus = focus, LocationGiven = f.HasLocation, SensationGiven = f.HasSensation };
        EarlyBodyWords.Seed(s, s.Cycle);
    }
}
