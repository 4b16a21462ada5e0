using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

// §6 step 10: the effects of the reply actually sent.
internal sealed partial class TurnProcessor
{
    private void Emit(string reply)
    {
        ApplyIntentEffects(_plan);
        var kind = _plan.Kind;
        if (_plan.FollowUp is { } followUp)
        {
            ApplyIntentEffects(followUp);
            kind = followUp.Kind ?? kind;
        }

        if (kind is { } k)
        {
            _s.LastQuestionKind = k; // silence keeps the pending question
        }

        if (!_gateTurn)
        {
            _s.TurnsInSubstate++;
            C.RapportEstablished = true;
            _s.GeneralInquiryStreak = _plan.Decision == Decisions.GeneralInquiry ? _s.GeneralInquiryStreak + 1 : 0;
        }

        foreach (var (name, value) in _s.CompletionCriteriaMap())
        {
            if (value && !_criteriaBefore[name])
            {
                AddEvent("criterion_met", name);
            }
        }

        _s.RecentExchanges.Add(new RecentExchange
        {
            Turn = _s.TurnCount,
            ClientInput = _input,
            TherapistResponse = reply,
            Substate = _s.CurrentSubstate,
            Decision = _plan.Decision,
        });
        Trim(_s.RecentExchanges, EngineState.RecentExchangesCap);
    }

    private void ApplyIntentEffects(TurnPlan plan)
    {
        if (!plan.CountsAsAsk)
        {
            return;
        }

        switch (plan.Intent)
        {
            case Intents.GoalQuestion or Intents.GoalRedirectOutcome or Intents.GoalMenu:
                _s.GoalAttempts++;
                break;
            case Intents.GoalSuggestDefault or Intents.VisionPresent or Intents.VisionRepresent:
                C.VisionPresented = true;
                _s.VisionAttempts++;
                break;
            case Intents.GoalRefine:
                _s.GoalRefineAsked = true;
                _s.VisionAttempts++;
                break;
            case Intents.PsychoEducation:
                C.PsychoEducationProvided = true;
                break;
            case Intents.PsychoEducationSimpler:
                C.PsychoEducationProvided = true;
                _s.PsychoEducationRepeats++;
                break;
            case Intents.ProblemQuestion:
                _s.ProblemQuestionAsked = true;
                break;
            case Intents.BodyEntry when plan.CycleFocus is not null:
                // S2b: the entry question counts as the cycle's first location ask.
                _s.BodyEnquiryCycles = Math.Min(BodyCyclesCap, _s.BodyEnquiryCycles + 1);
                _s.Cycle = new BodyCycle { Focus = plan.CycleFocus, LocationAsks = 1 };
                break;
            case Intents.AskLocation when _s.Cycle is not null:
                _s.Cycle.LocationAsks++;
                break;
            case Intents.AskSensation when _s.Cycle is not null:
                _s.Cycle.SensationAsks++;
                break;
            case Intents.AskPresentMoment:
                _s.PresentMomentAsks++;
                break;
            case Intents.AskPattern:
                _s.PatternInquiryAsked = true;
                break;
            case Intents.ReadinessQuestion or Intents.ReadinessReask:
                _s.ReadinessAsks++;
                break;
            case Intents.PermissionRequest or Intents.PermissionReassure or Intents.PermissionExplain
                or Intents.PermissionAfterRedirects:
                _s.PermissionAsks++;
                break;
            case Intents.Completion:
                _s.CompletionMessageGiven = true;
                break;
            case Intents.Closing or Intents.CloseWithoutExercise:
                _s.SessionConclusionGiven = true;
                break;
            case Intents.RedirectPast:
                _s.PastRedirects++;
                break;
            case Intents.RedirectThinking:
                _s.ThinkingRedirects++;
                break;
        }
    }
}
