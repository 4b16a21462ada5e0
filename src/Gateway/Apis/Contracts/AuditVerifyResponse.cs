using System.Text.Json.Serialization;

namespace TrtOrleans.Gateway.Apis.Contracts;

/// <summary>Answer of GET /api/v1/admin/audit/verify: whether the whole hash chain holds, how many records were
/// checked, and the sequence number of the first record that breaks it (absent when the chain is valid: the default
/// value makes it optional in the OpenAPI schema, and it is never written as null).</summary>
public sealed record AuditVerifyResponse(
    bool Valid,
    long Records,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? FirstBad = null);
