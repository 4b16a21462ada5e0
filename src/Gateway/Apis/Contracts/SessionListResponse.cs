using TrtOrleans.Grains.Interfaces;

namespace TrtOrleans.Gateway.Apis.Contracts;

/// <summary>Answer of GET /api/v1/sessions: most recent first.</summary>
public sealed record SessionListResponse(int TotalSessions, SessionListingItem[] Sessions, DateTimeOffset Timestamp);
