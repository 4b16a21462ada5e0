namespace TrtOrleans.Gateway.Apis.Contracts;

/// <summary>Answer of DELETE /api/v1/session/{id}: "Session '&lt;id&gt;' deleted successfully".</summary>
public sealed record DeleteSessionResponse(string Message, DateTimeOffset Timestamp);
