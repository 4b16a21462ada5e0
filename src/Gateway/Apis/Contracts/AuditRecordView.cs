namespace TrtOrleans.Gateway.Apis.Contracts;

/// <summary>One crisis audit record as GET /api/v1/admin/audit shows it: events, levels, versions and hashes, never
/// client text. <see cref="Hash"/> covers the record and <see cref="PrevHash"/>, which is what makes it a chain.</summary>
public sealed record AuditRecordView(
    long Seq,
    DateTimeOffset Timestamp,
    string Event,
    string RiskLevel,
    string EngineVersion,
    string SessionRef,
    int Turn,
    string PrevHash,
    string Hash);
