using System.Text.Json.Serialization;
using System.ComponentModel;

namespace TrtOrleans.Gateway.Apis.Contracts;

/// <summary>Answer of GET /health (200 when healthy or degraded, 503 when unhealthy).</summary>
public sealed record HealthReport(
    [property: Description("healthy: turns are answered and persisted; degraded: answered, but something they rely on is impaired; unhealthy: turns cannot be served.")]
    string Status,
    DateTimeOffset Timestamp,
    HealthServices Services,
    [property: Description("Active silos in the membership view; -1 when it cannot be read right now.")] int Silos,
    [property: Description("Only when unhealthy: why, in words an operator can act on.")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    string? Reason = null);
