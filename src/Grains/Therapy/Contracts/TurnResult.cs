namespace TrtOrleans.Therapy.Contracts;

// What one turn produces (docs/engine.md "The turn pipeline", "Emission"). The grain maps these onto the HTTP API's
// TherapistResponse wire record and appends Exchange to the session history.

public sealed record SelfHarmReport(bool Detected, IReadOnlyList<string> PhrasesFound, string Severity);

public sealed record SafetyChecksReport(
    SelfHarmReport SelfHarmDetected,
    DetectorHit ThinkingModeDetected,
    DetectorHit PastTenseDetected,
    DetectorHit IDontKnowDetected);

public sealed record EmotionalStateReport(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Categories,
    int Intensity,
    string PrimaryEmotion);

public sealed record PreprocessingReport(
    string OriginalInput,
    string CleanedInput,
    string CorrectedInput,
    EmotionalStateReport EmotionalState,
    string InputCategory,
    IReadOnlyList<KeyValuePair<string, string>> SpellingCorrections,
    SafetyChecksReport SafetyChecks)
{
    public override string ToString() => $"PreprocessingReport {{ Chars = {OriginalInput.Length}, Category = {InputCategory} }}";
}

public sealed record NavigationReport(
    string Decision,
    string? SituationType,
    string? NextState,
    string? RagQuery,
    string? Reasoning,
    RuleId Rule);

public sealed record SessionProgressReport(
    string CurrentStage,
    string CurrentSubstate,
    int BodyQuestionCount,
    IReadOnlyDictionary<string, bool> CompletionCriteria);

public sealed record SafetyReport(bool Crisis, string RiskLevel, IReadOnlyList<string> Resources);

public sealed record TurnResponse(
    int Turn,
    string TherapistResponse,
    PreprocessingReport Preprocessing,
    NavigationReport Navigation,
    SessionProgressReport SessionProgress,
    SafetyReport Safety,
    DateTimeOffset Timestamp)
{
    public override string ToString() => $"TurnResponse {{ Turn = {Turn}, Decision = {Navigation.Decision} }}";
}

/// <summary>One history entry (the HTTP API's exchanges shape). Substate = the substate after the turn.</summary>
public sealed record HistoryExchange(
    int Turn,
    DateTimeOffset Timestamp,
    string ClientInput,
    string TherapistResponse,
    string NavigationDecision,
    string? RagQuery,
    string Substate)
{
    public override string ToString() => $"HistoryExchange {{ Turn = {Turn}, Decision = {NavigationDecision} }}";
}

/// <summary>Result of one turn. <see cref="State"/> is a new object: the engine never mutates the state it was given,
/// so a failed write leaves the grain's copy untouched. AnalyticsEvents are event names to count
/// (e.g. "decision:build_vision", "crisis_turn", "llm_fallback"). <see cref="StoredInput"/> is the input as the engine
/// read it (at most <see cref="TurnLimits.MaxInputChars"/> characters), the text to store; <see cref="RecentInputs"/>
/// is the session's input window including this turn, to pass to the next one.</summary>
public sealed record TurnResult(
    EngineState State,
    TurnResponse Response,
    HistoryExchange Exchange,
    IReadOnlyList<SafetyAuditEvent> AuditEvents,
    IReadOnlyList<string> AnalyticsEvents,
    string StoredInput,
    IReadOnlyList<DateTimeOffset> RecentInputs)
{
    /// <summary>Never the text.</summary>
    public override string ToString() => $"TurnResult {{ Turn = {State.TurnCount}, Decision = {Response.Navigation.Decision} }}";
}
