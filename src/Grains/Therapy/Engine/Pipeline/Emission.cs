using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>Emission (docs/engine.md "Emission"): the effects of the reply actually sent — ask counters and flags of
/// the chosen intent, the pending question, turn counters, criterion events, the recent exchange.</summary>
internal static class Emission
{
    public static void Apply(TurnScope t, TurnOutline outline, string reply, IReadOnlyDictionary<string, bool> criteriaBefore)
    {
        var s = t.S;
        var plan = outline.Plan;
        IntentEffects(s, plan);
        var kind = plan.Kind;
        if (plan.FollowUp is { } followUp)
        {
            IntentEffects(s, followUp);
            kind = followUp.Kind ?? kind;
        }

        if (kind is { } k)
        {
            s.LastQuestionKind = k; // silence keeps the pending question
        }

        if (!outline.GateTurn)
        {
            s.TurnsInSubstate++;
            t.C.RapportEstablished = true;
            s.GeneralInquiryStreak = plan.Decision == Decisions.GeneralInquiry ? s.GeneralInquiryStreak + 1 : 0;
        }

        foreach (var (name, value) in s.CompletionCriteriaMap())
        {
            if (value && !criteriaBefore[name])
            {
                StateEdits.AddEvent(s, "criterion_met", name, t.Now);
            }
        }

        s.RecentExchanges.Add(new RecentExchange
        {
            Turn = s.TurnCount,
            ClientInput = t.F.Input,
            TherapistResponse = reply,
            Substate = s.CurrentSubstate,
            Decision = plan.Decision,
        });
        StateEdits.Trim(s.RecentExchanges, EngineState.RecentExchangesCap);
    }

    private static void IntentEffects(EngineState s, TurnPlan plan)
    {
        if (!plan.CountsAsAsk)
        {
            return;
        }

        var c = s.Stage1Completion;
        switch (plan.Intent)
        {
            case Intents.GoalQuestion or Intents.GoalRedirectOutcome or Intents.GoalMenu:
                s.GoalAttempts++;
                break;
            case Intents.GoalSuggestDefault or Intents.VisionPresent or Intents.VisionRepresent or Intents.VisionSuggest:
                c.VisionPresented = true;
                s.VisionAttempts++;
                break;
            case Intents.GoalRefine:
                s.GoalRefineAsked = true;
                s.VisionAttempts++;
                break;
            case Intents.PsychoEducation:
                c.PsychoEducationProvided = true;
                break;
            case Intents.PsychoEducationSimpler:
                c.PsychoEducationProvided = true;
                s.PsychoEducationRepeats++;
                break;
            case Intents.ProblemQuestion:
                s.ProblemQuestionAsked = true;
                break;
            case Intents.BodyEntry when plan.CycleFocus is not null:
                // S2b: the entry question counts as the cycle's first location ask.
                s.BodyEnquiryCycles = Math.Min(Limits.BodyCycles, s.BodyEnquiryCycles + 1);
                s.Cycle = new BodyCycle { Focus = plan.CycleFocus, LocationAsks = 1 };
                break;
            case Intents.AskLocation when s.Cycle is not null:
                s.Cycle.LocationAsks++;
                break;
            case Intents.AskSensation when s.Cycle is not null:
                s.Cycle.SensationAsks++;
                break;
            case Intents.AskPresentMoment:
                s.PresentMomentAsks++;
                break;
            case Intents.AskPattern:
                s.PatternInquiryAsked = true;
                break;
            case Intents.ReadinessQuestion or Intents.ReadinessReask:
                s.ReadinessAsks++;
                break;
            case Intents.PermissionRequest or Intents.PermissionReassure or Intents.PermissionExplain
                or Intents.PermissionAfterRedirects:
                s.PermissionAsks++;
                break;
            case Intents.Completion:
                s.CompletionMessageGiven = true;
                break;
            case Intents.Closing or Intents.CloseWithoutExercise:
                s.SessionConclusionGiven = true;
                break;
            case Intents.RedirectPast:
                s.PastRedirects++;
                break;
            case Intents.RedirectThinking:
                s.ThinkingRedirects++;
                break;
        }
    }
}
