using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace TrtOrleans.Therapy.Llm;

/// <summary>Call and fallback counts of one advisor, readable by health/diagnostics, mirrored to the
/// <c>TrtOrleans.Therapy.Llm</c> meter (<c>llm_calls</c>, <c>llm_fallbacks{reason}</c>,
/// <c>llm_reply_rejected{reason}</c>).</summary>
public sealed class LlmCounters
{
    public const string MeterName = "TrtOrleans.Therapy.Llm";

    private static readonly Meter s_meter = new(MeterName);
    private static readonly Counter<long> s_calls = s_meter.CreateCounter<long>("llm_calls");
    private static readonly Counter<long> s_fallbacks = s_meter.CreateCounter<long>("llm_fallbacks");
    private static readonly Counter<long> s_rejected = s_meter.CreateCounter<long>("llm_reply_rejected");

    private readonly ConcurrentDictionary<string, long> _fallbacks = new(StringComparer.Ordinal);
    private long _calls;
    private long _successes;

    /// <summary>Calls sent to the model (skipped calls, e.g. breaker open, are not counted here).</summary>
    public long Calls => Interlocked.Read(ref _calls);

    public long Successes => Interlocked.Read(ref _successes);

    /// <summary>Snapshot of fallbacks by reason (timeout, invalid_json, filtered:too_long …).</summary>
    public IReadOnlyDictionary<string, long> FallbacksByReason => new Dictionary<string, long>(_fallbacks);

    public long Fallbacks(string reason) => _fallbacks.TryGetValue(reason, out var count) ? count : 0;

    internal void CallStarted(string kind)
    {
        Interlocked.Increment(ref _calls);
        s_calls.Add(1, new KeyValuePair<string, object?>("kind", kind));
    }

    internal void Succeeded() => Interlocked.Increment(ref _successes);

    internal void Fallback(string reason)
    {
        _fallbacks.AddOrUpdate(reason, 1, (_, count) => count + 1);
        s_fallbacks.Add(1, new KeyValuePair<string, object?>("reason", reason));
    }

    internal static void ReplyRejected(string reason) =>
        s_rejected.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
