using System.ComponentModel;

namespace TrtOrleans.Gateway.Apis.Contracts;

/// <summary>Answer of POST /api/v1/session/create (200, which old clients test for, not 201).</summary>
public sealed record CreateSessionResponse(
    [property: Description("The session id: the one sent, or a generated session_<yyyyMMdd_HHmmss>_<8 hex>.")] string SessionId,
    DateTimeOffset CreatedAt,
    [property: Description("Always \"active\" for a new session.")] string Status,
    string Message);
