using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>G2 (docs/engine.md "Crisis protocol"): while a safety answer is awaited every input is a follow-up, and
/// the hold lasts until the client says they are safe.</summary>
internal static class SafetyFollowUpGate
{
    private const int SafetyFollowupCap = 3;

    public static TurnOutline? TryTake(TurnScope t)
    {
        var s = t.S;
        if (!s.AwaitingSafetyAnswer)
        {
            return null;
        }

        var answer = t.A.HasWords ? t.A.SafetyAnswer : SafetyAnswerClass.Unclear;
        if (answer == SafetyAnswerClass.Safe)
        {
            s.AwaitingSafetyAnswer = false;
            s.CrisisActive = false;
            s.CrisisResolvedTurn = s.TurnCount;
            s.SafetyFollowups = 0;
            var audit = new AuditNote("crisis_resolved", s.CrisisRiskLevel);
            var reentry = Reentry.Plan(t);
            s.PendingBeforeCrisis = null;
            var plan = new TurnPlan(RuleId.G2, Decisions.SafetyFollowup, Situations.SafetyFollowup, null,
                Intents.SafetySafe, $"safe; re-entry {reentry.Intent}") { FollowUp = reentry };
            return new TurnOutline(plan)
            {
                GateTurn = true, SafetyTurn = true, CrisisFlag = false, ReportedRisk = RiskLevel.Low, Audit = [audit],
            };
        }

        var notes = new List<AuditNote>();
        string key;
        if (answer == SafetyAnswerClass.Unsafe)
        {
            if (s.CrisisRiskLevel < RiskLevel.High)
            {
                s.CrisisRiskLevel = RiskLevel.High;
            }

            s.HandoffRecommended = true;
            key = Intents.SafetyUnsafe;
            notes.Add(new AuditNote("safety_followup_unsafe", s.CrisisRiskLevel));
        }
        else
        {
            key = Intents.SafetyUnclear;
            notes.Add(new AuditNote("safety_followup_unclear", s.CrisisRiskLevel));
        }

        s.SafetyFollowups++;
        var holdNote = false;
        if (s.SafetyFollowups >= SafetyFollowupCap)
        {
            s.HandoffRecommended = true;
            holdNote = true;
            if (s.SafetyFollowups == SafetyFollowupCap)
            {
                notes.Add(new AuditNote("crisis_unresolved", s.CrisisRiskLevel));
            }
        }

        var followUp = new TurnPlan(RuleId.G2, Decisions.SafetyFollowup, Situations.SafetyFollowup, null, key,
            $"{(answer == SafetyAnswerClass.Unsafe ? "unsafe" : "unclear")}; follow-up {s.SafetyFollowups}");
        return new TurnOutline(followUp)
        {
            GateTurn = true,
            SafetyTurn = true,
            CrisisFlag = true,
            ReportedRisk = s.CrisisRiskLevel,
            HoldNote = holdNote,
            Audit = notes,
        };
    }
}
