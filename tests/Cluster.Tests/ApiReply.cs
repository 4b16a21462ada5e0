using System.Net;
using System.Text.Json;

namespace TrtOrleans.Cluster.Tests;

/// <summary>One HTTP exchange with a gateway. <see cref="Status"/> is 0 when no response arrived (connection error or
/// the client's own timeout); <see cref="Failure"/> then names what happened (never conversation text).</summary>
public sealed record ApiReply(int Status, string Body, string? ContentType, string? RetryAfter, string? Failure, DateTime StartedUtc, TimeSpan Elapsed)
{
    public bool Ok => Status == (int)HttpStatusCode.OK;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>Worth retrying with the same request id: no response, or a 5xx.</summary>
    public bool Retryable => Status == 0 || Status >= 500;

    public override string ToString() => Failure is null ? $"HTTP {Status} after {Elapsed.TotalMilliseconds:0} ms" : $"{Failure} after {Elapsed.TotalMilliseconds:0} ms";
}
