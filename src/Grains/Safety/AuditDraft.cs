namespace TrtOrleans.Grains.Safety;

/// <summary>An audit record waiting in the session's state (the outbox): written atomically with the turn that
/// produced it, then appended to the chain (idempotent by <see cref="EventId"/>). No client text.</summary>
public sealed record AuditDraft(
    string EventId,
    DateTimeOffset Timestamp,
    string Event,
    string RiskLevel,
    string EngineVersion,
    string SessionRef,
    int Turn);
