using System.Security.Cryptography;
using System.Text;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>The response and the records of a turn (docs/engine.md "The response").</summary>
internal static class ResultBuilder
{
    public static TurnResult Build(
        TurnScope t, TurnOutline outline, ComposedReply reply, IReadOnlyList<AuditNote> audit,
        IReadOnlyList<string> analytics, IReadOnlyList<DateTimeOffset> recentInputs)
    {
        var s = t.S;
        var a = t.A;
        var plan = outline.Plan;
        var crisis = a.Crisis;
        var preprocessing = new PreprocessingReport(
            a.OriginalInput,
            a.CleanedInput,
            a.CorrectedInput,
            new EmotionalStateReport(a.Emotion.Categories, a.Emotion.Intensity, a.Emotion.PrimaryEmotion),
            a.InputCategory,
            a.SpellingCorrections,
            new SafetyChecksReport(
                new SelfHarmReport(crisis.Detected, crisis.PhrasesFound, crisis.Risk.Name()),
                a.Thinking,
                a.PastTense,
                a.IDontKnow));
        var reasoning = (outline.Reasoning ?? $"{plan.Rule.Text()} {plan.Summary}")
            + (reply.Path is null ? "" : "; " + reply.Path);
        var navigation = new NavigationReport(
            plan.Decision, plan.Situation, s.CurrentSubstate, plan.RagQuery, reasoning, plan.Rule);
        var progress = new SessionProgressReport(
            s.CurrentStage, s.CurrentSubstate, s.BodyQuestionCount, s.CompletionCriteriaMap());
        var resources = outline.SafetyTurn ? (IReadOnlyList<string>)[.. t.Engine.Options.Resources] : [];
        var safety = new SafetyReport(outline.CrisisFlag, (outline.ReportedRisk ?? crisis.Risk).Name(), resources);
        var response = new TurnResponse(s.TurnCount, reply.Text, preprocessing, navigation, progress, safety, t.Now);
        var exchange = new HistoryExchange(
            s.TurnCount, t.Now, t.F.Input, reply.Text, plan.Decision, plan.RagQuery, s.CurrentSubstate);
        return new TurnResult(s, response, exchange, AuditEvents(t, outline, audit),
            ["decision:" + plan.Decision, .. analytics], t.F.Input, recentInputs);
    }

    /// <summary>Audit records carry the caller's opaque session reference and no client text.</summary>
    private static List<SafetyAuditEvent> AuditEvents(TurnScope t, TurnOutline outline, IReadOnlyList<AuditNote> notes)
    {
        var s = t.S;
        return notes.Select(n => new SafetyAuditEvent(
            EventId(t.F.AuditRef, s.TurnCount, n.Type),
            n.Type,
            t.F.AuditRef,
            s.TurnCount,
            t.Now,
            n.Risk.Name(),
            t.A.Crisis.CueIds,
            t.Engine.Analyzer.DataVersion,
            outline.Plan.Intent,
            outline.SafetyTurn,
            s.HandoffRecommended)).ToList();
    }

    /// <summary>Stable per (session reference, turn, type), so a retried write of the same turn is recognisable.</summary>
    private static string EventId(string auditRef, int turn, string type) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{auditRef}|{turn}|{type}")))[..32];
}
