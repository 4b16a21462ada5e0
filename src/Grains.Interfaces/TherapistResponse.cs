namespace TrtOrleans.Grains.Interfaces;

// docs/api.md's TherapistResponse, member for member (the gateway writes them in snake_case).

[GenerateSerializer, Alias("trt.detector_hit.v1")]
public sealed record DetectorReport([property: Id(0)] bool Detected, [property: Id(1)] string[] PhrasesFound);

[GenerateSerializer, Alias("trt.self_harm_report.v1")]
public sealed record SelfHarmReport(
    [property: Id(0)] bool Detected,
    [property: Id(1)] string[] PhrasesFound,
    [property: Id(2)] string Severity);

[GenerateSerializer, Alias("trt.safety_checks.v1")]
public sealed record SafetyChecks(
    [property: Id(0)] SelfHarmReport SelfHarmDetected,
    [property: Id(1)] DetectorReport ThinkingModeDetected,
    [property: Id(2)] DetectorReport PastTenseDetected,
    [property: Id(3)] DetectorReport IDontKnowDetected);

[GenerateSerializer, Alias("trt.emotional_state.v1")]
public sealed record EmotionalState(
    [property: Id(0)] Dictionary<string, string[]> Categories,
    [property: Id(1)] int Intensity,
    [property: Id(2)] string PrimaryEmotion);

[GenerateSerializer, Alias("trt.preprocessing.v1")]
public sealed record Preprocessing(
    [property: Id(0)] string OriginalInput,
    [property: Id(1)] string CleanedInput,
    [property: Id(2)] string CorrectedInput,
    [property: Id(3)] EmotionalState EmotionalState,
    [property: Id(4)] string InputCategory,
    [property: Id(5)] string[][] SpellingCorrections,
    [property: Id(6)] SafetyChecks SafetyChecks)
{
    public override string ToString() => $"Preprocessing {{ Chars = {OriginalInput.Length}, Category = {InputCategory} }}";
}

[GenerateSerializer, Alias("trt.navigation.v1")]
public sealed record Navigation(
    [property: Id(0)] string Decision,
    [property: Id(1)] string? SituationType,
    [property: Id(2)] string? NextState,
    [property: Id(3)] string? RagQuery,
    [property: Id(4)] string? Reasoning);

[GenerateSerializer, Alias("trt.session_progress.v1")]
public sealed record SessionProgress(
    [property: Id(0)] string CurrentStage,
    [property: Id(1)] string CurrentSubstate,
    [property: Id(2)] int BodyQuestionCount,
    [property: Id(3)] Dictionary<string, bool> CompletionCriteria);

[GenerateSerializer, Alias("trt.safety.v1")]
public sealed record Safety(
    [property: Id(0)] bool Crisis,
    [property: Id(1)] string RiskLevel,
    [property: Id(2)] string[] Resources);

[GenerateSerializer, Alias("trt.therapist_response.v1")]
public sealed record TherapistResponse(
    [property: Id(0)] string SessionId,
    [property: Id(1)] int Turn,
    [property: Id(2), System.Text.Json.Serialization.JsonPropertyName("therapist_response")] string TherapistResponseText,
    [property: Id(3)] Preprocessing Preprocessing,
    [property: Id(4)] Navigation Navigation,
    [property: Id(5)] SessionProgress SessionProgress,
    [property: Id(6)] Safety Safety,
    [property: Id(7)] DateTimeOffset Timestamp)
{
    /// <summary>Ids and decisions only: therapy text never reaches logs through a generated ToString.</summary>
    public override string ToString() =>
        $"TherapistResponse {{ SessionId = {SessionId}, Turn = {Turn}, Decision = {Navigation.Decision}, Crisis = {Safety.Crisis} }}";
}
