using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

// §8 transitions and §9 rules. At most one transition per turn, except the 1.1.5 → 1.2 → 3.1 entry chain.
internal sealed partial class TurnProcessor
{
    private const int GoalAttemptsCap = 3;
    private const int VisionAttemptsCap = 3;
    private const int ReadinessAsksCap = 2;
    private const int PermissionAsksCap = 3;
    private const int PermissionDeclinesCap = 2;
    private const int BodyCyclesCap = 2;
    private const int AsksPerCycleCap = 2;
    private const int GeneralInquiryCap = 2;

    /// <summary>§16 backstops: turns_in_substate caps per substate.</summary>
    internal static readonly IReadOnlyDictionary<string, int> Backstops = new Dictionary<string, int>
    {
        [Substates.GoalAndVision] = 12,
        [Substates.PsychoEducation] = 3,
        [Substates.ProblemAndBody] = 15,
        [Substates.AssessReadiness] = 8,
        [Substates.AlphaPermission] = 5,
        [Substates.AlphaSequence] = 12,
    };

    private bool BackstopReached =>
        Backstops.TryGetValue(_s.CurrentSubstate, out var cap) && _s.TurnsInSubstate >= cap;

    private async Task NavigateAsync(CancellationToken ct)
    {
        switch (_startSubstate)
        {
            case Substates.GoalAndVision:
                Navigate11();
                break;
            case Substates.PsychoEducation:
                Navigate115();
                break;
            case Substates.ProblemAndBody:
                await Navigate12Async(ct);
                break;
            case Substates.AssessReadiness:
                await Navigate31Async(ct);
                break;
            case Substates.AlphaPermission:
                Navigate315();
                break;
            case Substates.AlphaSequence:
                Navigate32();
                break;
            default:
                NavigateComplete();
                break;
        }
    }

    // ── 1.1 goal and vision ──

    private void Navigate11()
    {
        if (C.VisionAccepted)
        {
            Transition(Substates.PsychoEducation, "vision_accepted");
            _plan = EntryPlan115("T11-a vision accepted");
            return;
        }

        if (_pending is QuestionKind.VisionCheck or QuestionKind.GoalRefine && _s.VisionAttempts >= VisionAttemptsCap)
        {
            AcceptImplicitly();
            Transition(Substates.PsychoEducation, "vision_cap");
            _plan = EntryPlan115("T11-b vision cap; implicit acceptance");
            return;
        }

        if (BackstopReached)
        {
            if (!C.GoalStated)
            {
                AdoptDefaultGoal();
            }

            AcceptImplicitly();
            Transition(Substates.PsychoEducation, "backstop");
            _plan = EntryPlan115("TB backstop 1.1");
            return;
        }

        _plan = Rules11();
    }

    private void AcceptImplicitly()
    {
        C.VisionAccepted = true;
        _s.VisionAcceptedImplicitly = true;
    }

    private TurnPlan Rules11()
    {
        if (!C.GoalStated)
        {
            if (_s.GoalAttempts >= GoalAttemptsCap)
            {
                AdoptDefaultGoal();
                return new TurnPlan("R11-1", Decisions.BuildVision, Situations.GoalStatedNeedsVision,
                    RagQueries.FutureSelfVision, Intents.GoalSuggestDefault, "goal cap; suggest default goal");
            }

            if (_a.Answers.IdkAnswer)
            {
                return new TurnPlan("R11-2", Decisions.ClarifyGoal, Situations.GoalNeedsClarification,
                    RagQueries.GoalClarification, Intents.GoalMenu, "does not know; offer goal menu");
            }

            if (_s.GoalAttempts >= 1 && (_a.Problem.Topics.Count > 0 || _a.Emotion.NegativeWords.Count > 0))
            {
                return new TurnPlan("R11-3", Decisions.ClarifyGoal, Situations.GoalNeedsClarification,
                    RagQueries.RedirectOutcome, Intents.GoalRedirectOutcome, "problem talk; turn to outcome");
            }

            return new TurnPlan("R11-4", Decisions.ClarifyGoal, Situations.GoalNeedsClarification,
                RagQueries.GoalClarification, Intents.GoalQuestion, "no goal; ask goal");
        }

        if (_s.GoalVague && !_s.GoalRefineAsked)
        {
            return new TurnPlan("R11-5", Decisions.BuildVision, Situations.GoalStatedNeedsVision,
                RagQueries.FutureSelfVision, Intents.GoalRefine, "vague goal; refine");
        }

        var fresh = !C.VisionPresented || _goalChanged;
        return new TurnPlan("R11-6", Decisions.BuildVision, Situations.GoalStatedNeedsVision,
            RagQueries.FutureSelfVision, fresh ? Intents.VisionPresent : Intents.VisionRepresent,
            fresh ? "goal stated; present vision" : "vision not accepted; re-present");
    }

    // ── 1.1.5 psycho-education ──

    private static TurnPlan EntryPlan115(string summary) =>
        new("R115-1", Decisions.ProvidePsychoEducation, Situations.PsychoEducation, null, Intents.PsychoEducation,
            summary + "; psycho-education");

    private void Navigate115()
    {
        var stays = !C.EducationUnderstood && _s.PsychoEducationRepeats == 0;
        if (!stays || BackstopReached)
        {
            Transition(Substates.ProblemAndBody, stays ? "backstop" : "education_answered");
            EnterProblemAndBody();
            return;
        }

        _plan = new TurnPlan("R115-2", Decisions.ProvidePsychoEducation, Situations.PsychoEducation, null,
            Intents.PsychoEducationSimpler, "not understood; explain more simply");
    }

    /// <summary>The entry turn of 1.2 runs the selector on the same answer and may chain on to 3.1 (T12-c).</summary>
    private void EnterProblemAndBody()
    {
        var step = Select(Facts());
        if (step is null)
        {
            EnterReadiness("checklist_done");
            return;
        }

        _plan = step;
    }

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
        _readinessEntryReason = reason;
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

    // ── 3.1.5 permission ──

    private void EnterPermission(string reason, string summary)
    {
        Transition(Substates.AlphaPermission, reason);
        _plan = new TurnPlan("R315-1", Decisions.RequestAlphaPermission, Situations.AlphaPermission,
            RagQueries.TransitionToIntervention, Intents.PermissionRequest, summary);
    }

    private void Navigate315()
    {
        var ans = _a.Answers;
        // Any idk cue voids consent ("i am not sure i am ready" is not consent), not only an idk answer.
        if (ans.Consent && !ans.Decline && !ans.Stop && !ans.IdkAnswer && !_a.IDontKnow.Detected)
        {
            Transition(Substates.AlphaSequence, "consent");
            _s.AlphaStarted = true;
            _s.AlphaStep = AlphaStep.Jaw;
            _s.AlphaStepAttempts = 0;
            _plan = AlphaPlan(Intents.Alpha(AlphaStep.Jaw), "T315-a consent; start with the jaw");
            return;
        }

        var declined = ans.Decline || ans.Stop;
        if (declined)
        {
            _s.PermissionDeclines++;
        }

        if ((declined && _s.PermissionDeclines >= PermissionDeclinesCap) || _s.PermissionAsks >= PermissionAsksCap)
        {
            CloseWithout(Substates.Complete, "alpha_declined", "T315-b no consent; close");
            return;
        }

        if (BackstopReached)
        {
            CloseWithout(Substates.Complete, "backstop", "TB backstop 3.1.5; close");
            return;
        }

        _plan = declined && _s.PermissionDeclines == 1
            ? new TurnPlan("R315-2", Decisions.RequestAlphaPermission, Situations.AlphaPermission,
                RagQueries.TransitionToIntervention, Intents.PermissionReassure, "hesitation; reassure and ask again")
            : new TurnPlan("R315-2", Decisions.RequestAlphaPermission, Situations.AlphaPermission,
                RagQueries.TransitionToIntervention, Intents.PermissionExplain, "unclear; explain and ask again");
    }

    /// <summary>Entering stage_1_complete without the exercise finishing (T315-b, T32-b, backstops): R40-2.</summary>
    private void CloseWithout(string to, string reason, string summary)
    {
        if (_startSubstate == Substates.AlphaPermission)
        {
            _s.ClosingReason ??= "alpha_declined";
        }

        Transition(to, reason);
        _plan = new TurnPlan("R40-2", Decisions.CloseSession, Situations.SessionClosing, null,
            Intents.CloseWithoutExercise, summary);
    }

    // ── complete ──

    private void NavigateComplete()
    {
        if (!_s.SessionConclusionGiven)
        {
            var key = _a.Emotion.PositiveWords.Count > 0 ? Intents.ClosingPositive
                : _a.Emotion.NegativeWords.Count > 0 ? Intents.ClosingDifficult
                : Intents.Closing;
            _plan = new TurnPlan("R40-3", Decisions.CloseSession, Situations.SessionClosing, null, key,
                "closing after completion");
            return;
        }

        _plan = new TurnPlan("R40-4", Decisions.CloseSession, Situations.SessionClosing, null, Intents.AfterClose,
            "session already closed");
    }
}
