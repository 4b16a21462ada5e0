namespace TrtOrleans.Therapy.Contracts;

/// <summary>The session state record of trt-engine.md §3 (schema_version 1). A plain mutable document persisted by
/// the session grain with System.Text.Json (snake_case names): no Orleans attributes here. Every list has a named cap.
/// Add fields freely; never rename or remove one (stored sessions must still load).</summary>
public sealed class EngineState
{
    public const int CurrentSchemaVersion = 1;

    public string SessionId { get; set; } = "";
    public int SchemaVersion { get; set; } = CurrentSchemaVersion;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastInteraction { get; set; }
    /// <summary>"active" or "completed".</summary>
    public string Status { get; set; } = "active";
    public DateTimeOffset? CompletedAt { get; set; }
    public ulong Seed { get; set; }
    public int TurnCount { get; set; }
    public string CurrentStage { get; set; } = Substates.Stage;
    public string CurrentSubstate { get; set; } = Substates.GoalAndVision;
    public int BodyQuestionCount { get; set; }
    public bool CrisisActive { get; set; }
    public bool AwaitingSafetyAnswer { get; set; }

    // The remaining §3 fields are added by the engine implementation.

    /// <summary>The 12 completion booleans by their api.md names (§2.2), in the spec's order.</summary>
    public IReadOnlyDictionary<string, bool> CompletionCriteriaMap() => new Dictionary<string, bool>();
}
