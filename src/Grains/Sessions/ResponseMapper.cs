using TrtOrleans.Grains.Interfaces;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Grains;

/// <summary>Engine results → the HTTP API's wire records.</summary>
internal static class ResponseMapper
{
    public static TherapistResponse ToWire(string sessionId, TurnResponse r, int maxChars)
    {
        var p = r.Preprocessing;
        var checks = p.SafetyChecks;
        return new TherapistResponse(
            sessionId,
            r.Turn,
            r.TherapistResponse,
            new Preprocessing(
                Cap(p.OriginalInput, maxChars),
                Cap(p.CleanedInput, maxChars),
                Cap(p.CorrectedInput, maxChars),
                new EmotionalState(
                    p.EmotionalState.Categories.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()),
                    p.EmotionalState.Intensity,
                    p.EmotionalState.PrimaryEmotion),
                p.InputCategory,
                [.. p.SpellingCorrections.Select(c => new[] { c.Key, c.Value })],
                new SafetyChecks(
                    new Interfaces.SelfHarmReport(
                        checks.SelfHarmDetected.Detected,
                        [.. checks.SelfHarmDetected.PhrasesFound],
                        checks.SelfHarmDetected.Severity),
                    ToWire(checks.ThinkingModeDetected),
                    ToWire(checks.PastTenseDetected),
                    ToWire(checks.IDontKnowDetected))),
            new Navigation(
                r.Navigation.Decision,
                r.Navigation.SituationType,
                r.Navigation.NextState,
                r.Navigation.RagQuery,
                r.Navigation.Reasoning),
            new SessionProgress(
                r.SessionProgress.CurrentStage,
                r.SessionProgress.CurrentSubstate,
                r.SessionProgress.BodyQuestionCount,
                new Dictionary<string, bool>(r.SessionProgress.CompletionCriteria)),
            new Interfaces.Safety(r.Safety.Crisis, r.Safety.RiskLevel, [.. r.Safety.Resources]),
            r.Timestamp);
    }

    public static Exchange ToWire(HistoryExchange e, int maxChars) => new(
        e.Turn, e.Timestamp, Cap(e.ClientInput, maxChars), e.TherapistResponse, e.NavigationDecision, e.RagQuery, e.Substate);

    public static SessionStatus ToStatus(string sessionId, EngineState s, SessionMetadata metadata) => new(
        sessionId,
        s.Status,
        s.CurrentStage,
        s.CurrentSubstate,
        s.BodyQuestionCount,
        new Dictionary<string, bool>(s.CompletionCriteriaMap()),
        s.TurnCount,
        s.CreatedAt,
        s.LastInteraction,
        metadata);

    private static DetectorReport ToWire(DetectorHit hit) => new(hit.Detected, [.. hit.PhrasesFound]);

    private static string Cap(string text, int maxChars) => text.Length <= maxChars ? text : text[..maxChars];
}
