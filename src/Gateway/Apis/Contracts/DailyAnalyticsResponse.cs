using System.ComponentModel;

namespace TrtOrleans.Gateway.Apis.Contracts;

/// <summary>Answer of GET /api/v1/analytics/daily/{date}.</summary>
public sealed record DailyAnalyticsResponse(
    [property: Description("yyyy-MM-dd (UTC).")] string Date,
    long TotalInputs,
    long SessionsCreated,
    [property: Description("Counts by event name (decisions, crisis turns, rate-limited inputs, ...).")] Dictionary<string, long> Events);
