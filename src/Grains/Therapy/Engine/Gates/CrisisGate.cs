using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>G1 (docs/engine.md "Crisis protocol"): a crisis cue of moderate risk or more takes the turn in every
/// substate. Nothing but the safety fields changes; in the exercise the crisis resets it (TC).</summary>
internal static class CrisisGate
{
    public static TurnOutline? TryTake(TurnScope t)
    {
        var risk = t.A.Crisis.Risk;
        if (risk < RiskLevel.Moderate)
        {
            return null;
        }

        var s = t.S;
        var alreadyOpen = s.CrisisActive || s.AwaitingSafetyAnswer;
        if (!alreadyOpen)
        {
            s.CrisisOpenedTurn = s.TurnCount;
            s.CrisisEpisodes++;
            s.PendingBeforeCrisis = s.LastQuestionKind;
            s.SafetyFollowups = 0;
        }

        s.CrisisActive = true;
        s.AwaitingSafetyAnswer = true;
        if (risk > s.CrisisRiskLevel)
        {
            s.CrisisRiskLevel = risk;
        }

        if (risk == RiskLevel.Immediate)
        {
            s.HandoffRecommended = true;
        }

        if (s.CurrentSubstate == Substates.AlphaSequence)
        {
            // TC: the exercise cannot continue; consent is asked afresh once the client is safe.
            StateEdits.Transition(s, Substates.AlphaPermission, "crisis", t.Now);
            s.AlphaStarted = false;
            s.AlphaStep = AlphaStep.None;
            s.AlphaStepAttempts = 0;
            s.PermissionAsks = 0;
            s.PermissionDeclines = 0;
            s.PendingBeforeCrisis = QuestionKind.Permission;
        }

        var key = risk switch
        {
            RiskLevel.Immediate => Intents.CrisisImmediate,
            RiskLevel.High => Intents.CrisisHigh,
            _ => Intents.CrisisModerate,
        };
        var plan = new TurnPlan(RuleId.G1, Decisions.CrisisResponse, Situations.CrisisDetected, null, key,
            $"crisis risk {risk.Name()}");
        return new TurnOutline(plan)
        {
            GateTurn = true,
            SafetyTurn = true,
            CrisisFlag = true,
            Audit = [new AuditNote("crisis_detected", risk)],
            Analytics = ["crisis_turn"],
        };
    }
}
