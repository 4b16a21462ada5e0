using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrtOrleans.Therapy.Contracts;

/// <summary>The session state record of docs/engine.md "Session state" (schema_version 1). A plain mutable document persisted by
/// the session grain with System.Text.Json (snake_case names): no Orleans attributes here. Every list has a named cap.
/// Add fields freely; never rename or remove one (stored sessions must still load).</summary>
public sealed class EngineState
{
    public const int CurrentSchemaVersion = 1;

    // List caps (docs/engine.md "Session state"): the oldest entry is dropped first.
    public const int ProblemTopicsCap = 5;
    public const int EmotionsCap = 10;
    public const int BodyListCap = 10;
    public const int AlphaCheckpointsCap = 12;
    public const int RecentExchangesCap = 6;
    public const int UsedExemplarsCap = 20;
    public const int CompletionEventsCap = 100;
    public const int ContentMaxChars = 80;

    // ── identity ──
    public string SessionId { get; set; } = "";
    public int SchemaVersion { get; set; } = CurrentSchemaVersion;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastInteraction { get; set; }
    /// <summary>"active" or "completed".</summary>
    public string Status { get; set; } = "active";
    public DateTimeOffset? CompletedAt { get; set; }
    public ulong Seed { get; set; }
    public int TurnCount { get; set; }

    // ── position ──
    public string CurrentStage { get; set; } = Substates.Stage;
    public string CurrentSubstate { get; set; } = Substates.GoalAndVision;
    public int SubstateEnteredTurn { get; set; }
    public int TurnsInSubstate { get; set; }

    // ── criteria ──
    [JsonPropertyName("stage_1_completion")]
    public CompletionCriteria Stage1Completion { get; set; } = new();

    // ── goal ──
    public string? DesiredState { get; set; }
    public string? DesiredStatePhrase { get; set; }
    public bool GoalVague { get; set; }
    public bool GoalInferred { get; set; }
    public bool GoalRefineAsked { get; set; }
    public int GoalAttempts { get; set; }
    public int VisionAttempts { get; set; }
    public bool VisionAcceptedImplicitly { get; set; }

    // ── education ──
    public int PsychoEducationRepeats { get; set; }

    // ── problem ──
    public bool ProblemQuestionAsked { get; set; }
    public List<string> ProblemTopics { get; set; } = [];
    public List<string> Emotions { get; set; } = [];

    // ── body ──
    public int BodyQuestionCount { get; set; }
    public int BodyEnquiryCycles { get; set; }
    public BodyCycle? Cycle { get; set; }
    public List<string> BodyLocations { get; set; } = [];
    public List<string> Sensations { get; set; } = [];
    public int PresentMomentAsks { get; set; }
    public bool PatternInquiryAsked { get; set; }

    // ── readiness and permission ──
    public int ReadinessAsks { get; set; }
    public int PermissionAsks { get; set; }
    public int PermissionDeclines { get; set; }

    // ── alpha ──
    public bool AlphaStarted { get; set; }
    public bool AlphaComplete { get; set; }
    public bool AlphaStopped { get; set; }
    [JsonConverter(typeof(JsonStringEnumConverter<AlphaStep>))]
    public AlphaStep AlphaStep { get; set; } = AlphaStep.None;
    public int AlphaStepAttempts { get; set; }
    public List<AlphaCheckpointRecord> AlphaCheckpoints { get; set; } = [];

    // ── closing ──
    /// <summary>null, "alpha_complete", "alpha_declined", "alpha_stopped" or "client_left" (leave-taking, A7).</summary>
    public string? ClosingReason { get; set; }
    public bool CompletionMessageGiven { get; set; }
    public bool SessionConclusionGiven { get; set; }

    // ── body words said before body cycle 1 exists (A3), kept for the cycle's start ──
    /// <summary>The turn that last named a body location or sensation before cycle 1; null when none is kept.</summary>
    public int? EarlyBodyTurn { get; set; }
    public bool EarlyLocation { get; set; }
    public bool EarlySensation { get; set; }
    /// <summary>The answer that named them also said the feeling is there now.</summary>
    public bool EarlyPresent { get; set; }

    // ── redirects and engagement ──
    public int PastRedirects { get; set; }
    public int ThinkingRedirects { get; set; }
    public int SilenceStreak { get; set; }
    public int GeneralInquiryStreak { get; set; }

    // ── dialogue ──
    [JsonConverter(typeof(JsonStringEnumConverter<QuestionKind>))]
    public QuestionKind LastQuestionKind { get; set; } = QuestionKind.None;
    /// <summary>The answer type label (docs/engine.md "Answer interpretation") of the last ordinary answer.</summary>
    public string? LastClientProvidedInfo { get; set; }
    public List<RecentExchange> RecentExchanges { get; set; } = [];
    public List<string> UsedExemplars { get; set; } = [];
    public Dictionary<string, VariantUse> VariantMemory { get; set; } = [];

    // ── safety ──
    public bool CrisisActive { get; set; }
    public bool AwaitingSafetyAnswer { get; set; }
    public bool HandoffRecommended { get; set; }
    [JsonConverter(typeof(JsonStringEnumConverter<RiskLevel>))]
    public RiskLevel CrisisRiskLevel { get; set; } = RiskLevel.None;
    public int? CrisisOpenedTurn { get; set; }
    public int? CrisisResolvedTurn { get; set; }
    public int SafetyFollowups { get; set; }
    public int CrisisEpisodes { get; set; }
    [JsonConverter(typeof(JsonStringEnumConverter<QuestionKind>))]
    public QuestionKind? PendingBeforeCrisis { get; set; }

    // ── events ──
    public List<CompletionEvent> CompletionEvents { get; set; } = [];

    /// <summary>The options the engine uses for cloning; also a sensible choice for persisting the record.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
    };

    /// <summary>A fresh state with the defaults of docs/engine.md "Session state".</summary>
    public static EngineState Create(string sessionId, DateTimeOffset now) => new()
    {
        SessionId = sessionId,
        CreatedAt = now,
        LastInteraction = now,
        Seed = SeedFor(sessionId),
    };

    /// <summary>First 8 bytes (little-endian) of SHA-256 of the UTF-8 session id: the seed of deterministic variation.</summary>
    public static ulong SeedFor(string sessionId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(sessionId));
        return BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }

    /// <summary>The 12 completion booleans by their wire names (docs/engine.md "Substates and completion criteria").</summary>
    public IReadOnlyDictionary<string, bool> CompletionCriteriaMap() => Stage1Completion.ToMap();

    /// <summary>An independent copy (JSON round trip: the same path a persisted state takes).</summary>
    public EngineState DeepClone()
    {
        // Field-by-field copy: a JSON round trip cost ~120 µs, two thirds of a whole turn (bench: trt-bench engine).
        // EngineStateCloneTests walks the object graph so a new reference-typed field cannot be shared by mistake.
        var copy = (EngineState)MemberwiseClone();
        copy.Stage1Completion = Stage1Completion.Copy();
        copy.Cycle = Cycle?.Copy();
        copy.ProblemTopics = [.. ProblemTopics];
        copy.Emotions = [.. Emotions];
        copy.BodyLocations = [.. BodyLocations];
        copy.Sensations = [.. Sensations];
        copy.AlphaCheckpoints = [.. AlphaCheckpoints.Select(c => c.Copy())];
        copy.RecentExchanges = [.. RecentExchanges.Select(e => e.Copy())];
        copy.UsedExemplars = [.. UsedExemplars];
        copy.VariantMemory = VariantMemory.ToDictionary(kv => kv.Key, kv => kv.Value.Copy());
        copy.CompletionEvents = [.. CompletionEvents.Select(e => e.Copy())];
        return copy;
    }
}

/// <summary>Position in the alpha exercise (docs/engine.md "The exercise").</summary>
public enum AlphaStep { None, Jaw, Tongue, Breath, Done }

/// <summary>The 12 completion booleans (docs/engine.md "Substates and completion criteria") plus the content strings kept beside them.</summary>
public sealed class CompletionCriteria
{
    internal CompletionCriteria Copy() => (CompletionCriteria)MemberwiseClone();

    public bool GoalStated { get; set; }
    public bool VisionPresented { get; set; }
    public bool VisionAccepted { get; set; }
    public bool PsychoEducationProvided { get; set; }
    public bool EducationUnderstood { get; set; }
    public bool ProblemIdentified { get; set; }
    public bool EmotionIdentified { get; set; }
    public bool BodyAwarenessPresent { get; set; }
    public bool PresentMomentFocus { get; set; }
    public bool PatternUnderstood { get; set; }
    public bool RapportEstablished { get; set; }
    [JsonPropertyName("ready_for_stage_2")]
    public bool ReadyForStage2 { get; set; }
    public string? GoalContent { get; set; }
    public string? ProblemContent { get; set; }
    public string? EmotionContent { get; set; }

    public IReadOnlyDictionary<string, bool> ToMap() => new Dictionary<string, bool>
    {
        ["goal_stated"] = GoalStated,
        ["vision_presented"] = VisionPresented,
        ["vision_accepted"] = VisionAccepted,
        ["psycho_education_provided"] = PsychoEducationProvided,
        ["education_understood"] = EducationUnderstood,
        ["problem_identified"] = ProblemIdentified,
        ["emotion_identified"] = EmotionIdentified,
        ["body_awareness_present"] = BodyAwarenessPresent,
        ["present_moment_focus"] = PresentMomentFocus,
        ["pattern_understood"] = PatternUnderstood,
        ["rapport_established"] = RapportEstablished,
        ["ready_for_stage_2"] = ReadyForStage2,
    };
}

/// <summary>One body enquiry cycle (docs/engine.md "The 1.2 selector").</summary>
public sealed class BodyCycle
{
    internal BodyCycle Copy() => (BodyCycle)MemberwiseClone();

    public string? Focus { get; set; }
    public bool LocationGiven { get; set; }
    public bool SensationGiven { get; set; }
    public int LocationAsks { get; set; }
    public int SensationAsks { get; set; }
}

/// <summary>A recorded checkpoint of the alpha exercise: step and result (calm, tense, same, unclear).</summary>
public sealed class AlphaCheckpointRecord
{
    internal AlphaCheckpointRecord Copy() => (AlphaCheckpointRecord)MemberwiseClone();

    public string Step { get; set; } = "";
    public string Result { get; set; } = "";
}

/// <summary>A short-term memory entry of the dialogue (≤ 6 kept).</summary>
public sealed class RecentExchange
{
    internal RecentExchange Copy() => (RecentExchange)MemberwiseClone();

    public int Turn { get; set; }
    public string ClientInput { get; set; } = "";
    public string TherapistResponse { get; set; } = "";
    public string Substate { get; set; } = "";
    public string Decision { get; set; } = "";
}

/// <summary>How often a reply intent was used and which variant came last (docs/engine.md "Reply composition").</summary>
public sealed class VariantUse
{
    internal VariantUse Copy() => (VariantUse)MemberwiseClone();

    public int Count { get; set; }
    public int Last { get; set; } = -1;
}

/// <summary>A criterion turning true or a substate transition (docs/engine.md "Transitions").</summary>
public sealed class CompletionEvent
{
    internal CompletionEvent Copy() => (CompletionEvent)MemberwiseClone();

    public string Event { get; set; } = "";
    public int Turn { get; set; }
    public DateTimeOffset Timestamp { get; set; }
    public string Detail { get; set; } = "";
}
