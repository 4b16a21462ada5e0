namespace TrtOrleans.Gateway.Apis.Contracts;

/// <summary>Answer of POST /api/v1/admin/cleanup: how many inactive sessions were removed.</summary>
public sealed record CleanupResponse(int Removed);
