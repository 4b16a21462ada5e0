using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

// Gates G1–G5 (§6 steps 3–6, §9.1, §13).
internal sealed partial class TurnProcessor
{
    private const int SafetyFollowupCap = 3;
    private const int SilenceCap = 3;
    private const int RedirectCap = 3;

    /// <summary>G1 (§13.1): nothing but safety fields changes; TC resets the exercise when it was running.</summary>
    private void CrisisTurn()
    {
        _gateTurn = true;
        _safetyTurn = true;
        _crisisFlag = true;
        var risk = _a.Crisis.Risk;
        var alreadyOpen = _s.CrisisActive || _s.AwaitingSafetyAnswer;
        if (!alreadyOpen)
        {
            _s.CrisisOpenedTurn = _s.TurnCount;
            _s.CrisisEpisodes++;
            _s.PendingBeforeCrisis = _s.LastQuestionKind;
            _s.SafetyFollowups = 0;
        }

        _s.CrisisActive = true;
        _s.AwaitingSafetyAnswer = true;
        if (risk > _s.CrisisRiskLevel)
        {
            _s.CrisisRiskLevel = risk;
        }

        if (risk == RiskLevel.Immediate)
        {
            _s.HandoffRecommended = true;
        }

        if (_s.CurrentSubstate == Substates.AlphaSequence)
        {
            // TC: the exercise cannot continue; consent is asked afresh once the client is safe.
            Transition(Substates.AlphaPermission, "crisis");
            _s.AlphaStarted = false;
            _s.AlphaStep = AlphaStep.None;
            _s.AlphaStepAttempts = 0;
            _s.PermissionAsks = 0;
            _s.PermissionDeclines = 0;
            _s.PendingBeforeCrisis = QuestionKind.Permission;
        }

        var key = risk switch
        {
            RiskLevel.Immediate => Intents.CrisisImmediate,
            RiskLevel.High => Intents.CrisisHigh,
            _ => Intents.CrisisModerate,
        };
        _plan = new TurnPlan("G1", Decisions.CrisisResponse, Situations.CrisisDetected, null, key,
            $"crisis risk {risk.Name()}");
        _auditTypes.Add(("crisis_detected", risk));
        _analytics.Add("crisis_turn");
    }

    /// <summary>G2 (§13.3): the hold lasts until the client says they are safe.</summary>
    private void FollowUpTurn()
    {
        _gateTurn = true;
        _safetyTurn = true;
        var answer = _a.HasWords ? _a.SafetyAnswer : SafetyAnswerClass.Unclear;
        if (answer == SafetyAnswerClass.Safe)
        {
            _s.AwaitingSafetyAnswer = false;
            _s.CrisisActive = false;
            _s.CrisisResolvedTurn = _s.TurnCount;
            _s.SafetyFollowups = 0;
            _crisisFlag = false;
            _reportedRisk = RiskLevel.Low;
            _auditTypes.Add(("crisis_resolved", _s.CrisisRiskLevel));
            var reentry = ReentryPlan();
            _s.PendingBeforeCrisis = null;
            _plan = new TurnPlan("G2", Decisions.SafetyFollowup, Situations.SafetyFollowup, null, Intents.SafetySafe,
                $"safe; re-entry {reentry.Intent}") { FollowUp = reentry };
            return;
        }

        string key;
        if (answer == SafetyAnswerClass.Unsafe)
        {
            if (_s.CrisisRiskLevel < RiskLevel.High)
            {
                _s.CrisisRiskLevel = RiskLevel.High;
            }

            _s.HandoffRecommended = true;
            key = Intents.SafetyUnsafe;
            _auditTypes.Add(("safety_followup_unsafe", _s.CrisisRiskLevel));
        }
        else
        {
            key = Intents.SafetyUnclear;
            _auditTypes.Add(("safety_followup_unclear", _s.CrisisRiskLevel));
        }

        _s.SafetyFollowups++;
        if (_s.SafetyFollowups >= SafetyFollowupCap)
        {
            _s.HandoffRecommended = true;
            _holdNote = true;
            if (_s.SafetyFollowups == SafetyFollowupCap)
            {
                _auditTypes.Add(("crisis_unresolved", _s.CrisisRiskLevel));
            }
        }

        _crisisFlag = true;
        _reportedRisk = _s.CrisisRiskLevel;
        _plan = new TurnPlan("G2", Decisions.SafetyFollowup, Situations.SafetyFollowup, null, key,
            $"{(answer == SafetyAnswerClass.Unsafe ? "unsafe" : "unclear")}; follow-up {_s.SafetyFollowups}");
    }

    /// <summary>The question pending before the crisis, asked again without counting (§13.3). In 1.2 the selector
    /// runs on an empty answer and its step is asked with its usual effects.</summary>
    private TurnPlan ReentryPlan()
    {
        var kind = _s.PendingBeforeCrisis ?? QuestionKind.None;
        if (kind is QuestionKind.None or QuestionKind.Safety)
        {
            kind = QuestionKind.Goal;
        }

        if (_s.CurrentSubstate == Substates.Complete)
        {
            return Reask(Intents.AfterClose, "R40-4", Decisions.CloseSession, Situations.SessionClosing, null);
        }

        if (_s.CurrentSubstate == Substates.ProblemAndBody)
        {
            var step = Select(AnswerFacts.Empty);
            if (step is not null)
            {
                return step;
            }
        }

        return kind switch
        {
            QuestionKind.Goal => Reask(Intents.GoalQuestion, "R11-4", Decisions.ClarifyGoal,
                Situations.GoalNeedsClarification, RagQueries.GoalClarification),
            QuestionKind.GoalMenu => Reask(Intents.GoalMenu, "R11-2", Decisions.ClarifyGoal,
                Situations.GoalNeedsClarification, RagQueries.GoalClarification),
            QuestionKind.GoalRefine => Reask(Intents.GoalRefine, "R11-5", Decisions.BuildVision,
                Situations.GoalStatedNeedsVision, RagQueries.FutureSelfVision),
            QuestionKind.VisionCheck => Reask(Intents.VisionRepresent, "R11-6", Decisions.BuildVision,
                Situations.GoalStatedNeedsVision, RagQueries.FutureSelfVision),
            QuestionKind.EducationCheck => Reask(Intents.PsychoEducationSimpler, "R115-2",
                Decisions.ProvidePsychoEducation, Situations.PsychoEducation, null),
            QuestionKind.Problem => Reask(Intents.ProblemQuestion, "R12/S2a", Decisions.ExploreProblem,
                Situations.ProblemNeedsExploration, RagQueries.ProblemConstruction),
            QuestionKind.BodyEntry => Reask(Intents.BodyEntry, "R12/S2b", Decisions.BodyAwarenessInquiry,
                Situations.BodySymptomsExploration, RagQueries.BodySymptomPresentMoment),
            QuestionKind.BodyLocation => Reask(Intents.AskLocation, "R31-2", Decisions.BodyAwarenessInquiry,
                Situations.BodyEnquiryCycle2, RagQueries.BodyLocation),
            QuestionKind.Sensation => Reask(Intents.AskSensation, "R31-3", Decisions.BodySymptomsExploration,
                Situations.BodyEnquiryCycle2, RagQueries.Sensation),
            QuestionKind.PresentMoment => Reask(PresentMomentKey(), "R12/S5", Decisions.PresentMomentFocus,
                Situations.PresentMomentAwareness, RagQueries.PresentMoment),
            QuestionKind.Pattern => Reask(Intents.AskPattern, "R12/S6", Decisions.PatternInquiry,
                Situations.ExploreTriggerPattern, RagQueries.HowDoYouKnow),
            QuestionKind.Open => Reask(Intents.ReadinessOpen, "R31-4", Decisions.GeneralInquiry,
                Situations.GeneralTherapeuticInquiry, RagQueries.GeneralApproach),
            QuestionKind.Permission or QuestionKind.AlphaCheckpoint => Reask(Intents.PermissionRequest, "R315-1",
                Decisions.RequestAlphaPermission, Situations.AlphaPermission, RagQueries.TransitionToIntervention),
            QuestionKind.CompletionCheck or QuestionKind.Closing => Reask(Intents.AfterClose, "R40-4",
                Decisions.CloseSession, Situations.SessionClosing, null),
            _ => Reask(Intents.ReadinessReask, "R31-5", Decisions.AssessReadiness, Situations.ReadinessForAlpha,
                RagQueries.Ready),
        };
    }

    private static TurnPlan Reask(string key, string rule, string decision, string situation, string? rag) =>
        new(rule, decision, situation, rag, key, "re-entry") { CountsAsAsk = false };

    /// <summary>G3: silence keeps the pending question; from the third in a row a pause is offered.</summary>
    private void SilenceTurn()
    {
        _gateTurn = true;
        _s.SilenceStreak++;
        var pause = _s.SilenceStreak >= SilenceCap;
        if (pause)
        {
            _s.HandoffRecommended = true;
        }

        _plan = new TurnPlan("G3", Decisions.EngagementCheck, Situations.EngagementCheck, null,
            pause ? Intents.PauseOffer : Intents.Silence, $"silence {_s.SilenceStreak}");
    }

    /// <summary>G4/G5 (§9.1): past-tense and thinking-mode answers to problem/body/readiness questions.</summary>
    private bool TryRedirect()
    {
        if (_s.CurrentSubstate is not (Substates.ProblemAndBody or Substates.AssessReadiness))
        {
            return false;
        }

        var body = _a.Body;
        var bodyKind = IsBodyKind(_pending);
        var past = _a.PastTense.Detected
            && (bodyKind || _pending is QuestionKind.Problem or QuestionKind.Readiness or QuestionKind.Open)
            && body.Locations.Count == 0 && body.Sensations.Count == 0 && !_a.Answers.NothingMore;
        var thinking = !past && _a.Thinking.Detected
            && (bodyKind || _pending == QuestionKind.Readiness)
            && _a.Emotion.NegativeWords.Count == 0 && body.Locations.Count == 0 && body.Sensations.Count == 0
            && !body.PresentCue && !body.Absent && !_a.Answers.NothingMore;
        if (!past && !thinking)
        {
            return false;
        }

        // A redirect turn keeps only emotions and problem content from the input (§6 step 6).
        RecordEmotions();
        RecordProblem();
        _s.LastClientProvidedInfo = AnswerType();
        if (_s.PastRedirects + _s.ThinkingRedirects >= RedirectCap)
        {
            Transition(Substates.AlphaPermission, "redirect_cap");
            _plan = new TurnPlan("G5", Decisions.RequestAlphaPermission, Situations.AlphaPermission,
                RagQueries.TransitionToIntervention, Intents.PermissionAfterRedirects, "redirect cap; ask permission");
            return true;
        }

        _plan = past
            ? new TurnPlan("G4a", Decisions.RedirectPastTense, Situations.PastTenseRedirect, null,
                Intents.RedirectPast, "past tense; back to the present")
            : new TurnPlan("G4b", Decisions.RedirectThinkingMode, Situations.ThinkingModeRedirect, null,
                Intents.RedirectThinking, "thinking mode; back to the body");
        return true;
    }

    internal static bool IsBodyKind(QuestionKind kind) => kind is QuestionKind.BodyEntry or QuestionKind.BodyLocation
        or QuestionKind.Sensation or QuestionKind.PresentMoment or QuestionKind.Redirect;
}
