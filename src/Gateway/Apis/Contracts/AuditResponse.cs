namespace TrtOrleans.Gateway.Apis.Contracts;

/// <summary>Answer of GET /api/v1/admin/audit: the session's keyed audit reference and its records, oldest first.</summary>
public sealed record AuditResponse(string SessionRef, AuditRecordView[] Records);
