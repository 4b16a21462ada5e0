namespace TrtOrleans.Therapy.Contracts;

/// <summary>One allowed navigation plan at an LLM point (docs/engine.md "LLM use"): the triple the LLM may pick.</summary>
public sealed record NavigationOption(string Decision, string SituationType, string? RagQuery, string Meaning);

/// <summary>A short view of a past exchange for prompts (client and therapist text are fenced as data).</summary>
public sealed record PromptExchange(string ClientInput, string TherapistResponse);

/// <summary>Input of the navigation call at points N1/N2.</summary>
public sealed record NavigationRequest(
    IReadOnlyList<NavigationOption> Allowed,
    string StateSummary,
    IReadOnlyList<PromptExchange> LastExchanges,
    string ClientText,
    int Seed);

/// <summary>Outcome of an LLM call. When <see cref="Succeeded"/> is false, <see cref="FallbackReason"/> says why
/// (timeout, http_error, invalid_json, out_of_enum, wrong_triple, low_confidence, breaker_open, filtered:&lt;reason&gt;…).</summary>
public sealed record LlmOutcome<T>(bool Succeeded, T? Value, string? FallbackReason, string? Reasoning)
{
    public static LlmOutcome<T> Fail(string reason) => new(false, default, reason, null);
}

/// <summary>Input of the phrasing call (docs/engine.md "LLM use").</summary>
public sealed record PhrasingRequest(
    string Intent,
    string MustDo,
    string Draft,
    IReadOnlyDictionary<string, string> Slots,
    IReadOnlyList<string> RequiredWords,
    IReadOnlyList<string> ExemplarTexts,
    IReadOnlyList<PromptExchange> LastExchanges,
    string ClientText,
    bool IsQuestion,
    bool IsVision,
    int Seed);

/// <summary>The optional LLM (Ollama through OllamaSharp's IChatClient). Never throws; never changes state.</summary>
public interface ILlmAdvisor
{
    /// <summary>False when not configured or the circuit breaker is open: the engine skips the calls.</summary>
    bool Available { get; }

    Task<LlmOutcome<NavigationOption>> ChooseNavigationAsync(NavigationRequest request, CancellationToken ct);

    Task<LlmOutcome<string>> RephraseAsync(PhrasingRequest request, CancellationToken ct);
}

/// <summary>Audit of crisis-related turns (docs/engine.md "Crisis protocol"). No client text.</summary>
public sealed record SafetyAuditEvent(
    string EventId,
    string Type,
    string SessionRef,
    int Turn,
    DateTimeOffset Timestamp,
    string RiskLevel,
    IReadOnlyList<string> CueIds,
    string DetectorDataVersion,
    string ReplyIntent,
    bool ResourcesShown,
    bool HandoffRecommended);

public interface ISafetyAuditSink
{
    Task WriteAsync(SafetyAuditEvent auditEvent, CancellationToken ct);
}
