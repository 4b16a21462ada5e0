namespace TrtOrleans.Grains.Interfaces;

// Wire types of the crisis audit trail (admin endpoints). No client text anywhere: events, levels, versions, refs.

/// <summary>One record of the hash-chained audit log. <see cref="Hash"/> is the SHA-256 of the record's canonical
/// form, which includes <see cref="PrevHash"/>: changing, removing or reordering any record breaks the chain.</summary>
[GenerateSerializer, Alias("trt.audit_entry.v1")]
public sealed record AuditEntry(
    [property: Id(0)] long Seq,
    [property: Id(1)] DateTimeOffset Timestamp,
    [property: Id(2)] string Event,
    [property: Id(3)] string RiskLevel,
    [property: Id(4)] string EngineVersion,
    [property: Id(5)] string SessionRef,
    [property: Id(6)] int Turn,
    [property: Id(7)] string EventId,
    [property: Id(8)] string PrevHash,
    [property: Id(9)] string Hash);

[GenerateSerializer, Alias("trt.audit_session.v1")]
public sealed record AuditSessionRecords([property: Id(0)] string SessionRef, [property: Id(1)] AuditEntry[] Records);

[GenerateSerializer, Alias("trt.audit_verification.v1")]
public sealed record AuditVerification([property: Id(0)] bool Valid, [property: Id(1)] long Records, [property: Id(2)] long? FirstBad);
