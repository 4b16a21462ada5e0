using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

// 1.2 (the §9.2 selector and its body cycles) and 3.1 (readiness with the optional second body cycle).
internal sealed partial class TurnProcessor
{
    // ── 1.2 problem and body ──

    private async Task Navigate12Async(CancellationToken ct)
    {
        if (_s.BodyQuestionCount >= BodyQuestionLimit)
        {
            EnterReadiness("body_limit");
            return;
        }

        if (_a.Answers.NothingMore && C.BodyAwarenessPresent)
        {
            EnterReadiness("client_done");
            return;
        }

        var step = Select(Facts());
        if (step is null)
        {
            EnterReadiness("checklist_done");
            return;
        }

        if (BackstopReached)
        {
            EnterReadiness("backstop");
            return;
        }

        _plan = step;
        if (_s.LastClientProvidedInfo == "general_response")
        {
            await PointN1Async(step, ct);
        }
    }

    private AnswerFacts Facts() => new(
        _newEmotions.LastOrDefault(),
        _a.Emotion.NegativeWords.LastOrDefault(),
        _a.Problem.Topics.LastOrDefault(),
        _a.Body.Locations.Count > 0,
        _a.Body.Sensations.Count > 0);

    /// <summary>§9.2 selector. Returns null for DONE. Cycle starts driven by the answer (S0, S1) happen here;
    /// the S2b cycle starts when its body-entry reply is emitted.</summary>
    private TurnPlan? Select(AnswerFacts f)
    {
        var cycle = _s.Cycle;
        if (f.NewEmotion is not null && cycle is { LocationGiven: true } && _s.BodyEnquiryCycles < BodyCyclesCap)
        {
            StartCycle(f.NewEmotion, f); // S0
        }
        else if (cycle is null && (f.HasEmotion || f.HasLocation || f.HasSensation))
        {
            StartCycle(f.LatestEmotion ?? C.EmotionContent ?? f.LatestTopic ?? _s.ProblemTopics.LastOrDefault(), f); // S1
        }
        else if (cycle is { LocationGiven: false } && f.NewEmotion is not null)
        {
            cycle.Focus = f.NewEmotion;
        }

        cycle = _s.Cycle;
        if (cycle is null)
        {
            if (!C.ProblemIdentified && !_s.ProblemQuestionAsked)
            {
                return new TurnPlan("R12/S2a", Decisions.ExploreProblem, Situations.ProblemNeedsExploration,
                    RagQueries.ProblemConstruction, Intents.ProblemQuestion, "no problem yet; ask problem");
            }

            return new TurnPlan("R12/S2b", Decisions.BodyAwarenessInquiry, Situations.BodySymptomsExploration,
                RagQueries.BodySymptomPresentMoment, Intents.BodyEntry, "start body cycle; ask what and where")
            {
                CycleFocus = f.LatestTopic ?? _s.ProblemTopics.LastOrDefault() ?? "it",
            };
        }

        if (_s.BodyQuestionCount >= BodyQuestionLimit)
        {
            return null;
        }

        if (!cycle.LocationGiven && cycle.LocationAsks < AsksPerCycleCap)
        {
            return new TurnPlan("R12/S3", Decisions.BodyAwarenessInquiry, Situations.BodySymptomsExploration,
                RagQueries.BodyLocation, cycle.LocationAsks >= 1 ? Intents.AskLocationExamples : Intents.AskLocation,
                "no location; ask where");
        }

        if (cycle.LocationGiven && !cycle.SensationGiven && cycle.SensationAsks < AsksPerCycleCap)
        {
            return new TurnPlan("R12/S4", Decisions.BodySymptomsExploration, Situations.BodySymptomsExploration,
                RagQueries.Sensation, Intents.AskSensation, "location known; ask sensation");
        }

        if (!C.PresentMomentFocus && _s.PresentMomentAsks == 0)
        {
            return new TurnPlan("R12/S5", Decisions.PresentMomentFocus, Situations.PresentMomentAwareness,
                RagQueries.PresentMoment, PresentMomentKey(), "ask if it is there now");
        }

        if (C.ProblemIdentified && !_s.PatternInquiryAsked)
        {
            return PatternPlan("R12/S6");
        }

        return null;
    }

    private static TurnPlan PatternPlan(string rule) =>
        new(rule, Decisions.PatternInquiry, Situations.ExploreTriggerPattern, RagQueries.HowDoYouKnow,
            Intents.AskPattern, "ask how they know it starts");

    private string PresentMomentKey() =>
        _s.BodyLocations.Count > 0 || _s.Sensations.Count > 0 ? Intents.AskPresentMoment : Intents.AskPresentMomentOpen;

    private void StartCycle(string? focus, AnswerFacts f)
    {
        _s.BodyEnquiryCycles = Math.Min(BodyCyclesCap, _s.BodyEnquiryCycles + 1);
        _s.Cycle = new BodyCycle { Focus = focus, LocationGiven = f.HasLocation, SensationGiven = f.HasSensation };
    }

    private static TurnPlan GeneralInquiryPlan(string rule) =>
        new(rule, Decisions.GeneralInquiry, Situations.GeneralTherapeuticInquiry, RagQueries.GeneralApproach,
            Intents.GeneralInquiry, "reflect and invite more");

    // ── 3.1 readiness ──

    private void EnterReadiness(string reason)
    {
        Transition(Substates.AssessReadiness, reason);
        _plan = new TurnPlan("R31-1", Decisions.AssessReadiness, Situations.ReadinessForAlpha, RagQueries.Ready,
            reason == "body_limit" ? Intents.ReadinessQuestionBodyLimit : Intents.ReadinessQuestion,
            $"entry ({reason}); ask readiness");
    }

    private async Task Navigate31Async(CancellationToken ct)
    {
        var ans = _a.Answers;
        var cycle2Pending = _pending is QuestionKind.BodyLocation or QuestionKind.Sensation;
        if ((_pending is QuestionKind.Readiness or QuestionKind.Open || cycle2Pending)
            && (ans.NothingMore || ans.Decline || ans.Ready || ans.IdkAnswer))
        {
            EnterPermission("client_ready", "T31-a done; ask permission");
            return;
        }

        var material = _newEmotions.Count > 0 || _newTopics.Count > 0
            || _a.Body.Locations.Count > 0 || _a.Body.Sensations.Count > 0;
        var open = cycle2Pending;
        if (material && _s.BodyEnquiryCycles < BodyCyclesCap && _s.BodyQuestionCount < BodyQuestionLimit)
        {
            _s.BodyEnquiryCycles = BodyCyclesCap;
            _s.Cycle = new BodyCycle
            {
                Focus = _newEmotions.LastOrDefault() ?? _newTopics.LastOrDefault() ?? C.EmotionContent,
                LocationGiven = _a.Body.Locations.Count > 0,
                SensationGiven = _a.Body.Sensations.Count > 0,
            };
            open = true;
        }

        TurnPlan? plan = null;
        if (open && _s.Cycle is { } cycle && _s.BodyQuestionCount < BodyQuestionLimit)
        {
            if (!cycle.LocationGiven && cycle.LocationAsks < AsksPerCycleCap)
            {
                plan = new TurnPlan("R31-2", Decisions.BodyAwarenessInquiry, Situations.BodyEnquiryCycle2,
                    RagQueries.BodyLocation,
                    cycle.LocationAsks >= 1 ? Intents.AskLocationExamples : Intents.AskLocation,
                    "cycle 2; ask where");
            }
            else if (cycle.LocationGiven && !cycle.SensationGiven && cycle.SensationAsks < AsksPerCycleCap)
            {
                plan = new TurnPlan("R31-3", Decisions.BodySymptomsExploration, Situations.BodyEnquiryCycle2,
                    RagQueries.Sensation, Intents.AskSensation, "cycle 2; ask sensation");
            }
        }

        if (plan is null && _pending == QuestionKind.Readiness && ans.Affirm && !material
            && _s.GeneralInquiryStreak < GeneralInquiryCap)
        {
            plan = new TurnPlan("R31-4", Decisions.GeneralInquiry, Situations.GeneralTherapeuticInquiry,
                RagQueries.GeneralApproach, Intents.ReadinessOpen, "something more; invite it");
        }

        if (plan is null && _s.ReadinessAsks >= ReadinessAsksCap)
        {
            EnterPermission("readiness_cap", "T31-b readiness cap; ask permission");
            return;
        }

        if (BackstopReached)
        {
            EnterPermission("backstop", "TB backstop 3.1; ask permission");
            return;
        }

        if (plan is not null)
        {
            _plan = plan;
            return;
        }

        _plan = new TurnPlan("R31-5", Decisions.AssessReadiness, Situations.ReadinessForAlpha, RagQueries.Ready,
            Intents.ReadinessReask, "ask readiness again");
        if (_s.LastClientProvidedInfo == "general_response")
        {
            await PointN2Async(ct);
        }
    }
}
