using System.Diagnostics.Metrics;
using TrtOrleans.Grains.Index;

namespace TrtOrleans.Grains.Hosting;

/// <summary>The product's session meter "TrtOrleans.Sessions": turns by outcome, turn latency, crisis turns,
/// rate-limited inputs, sessions created and expired, and the active sessions of the cluster's index. Tags carry
/// outcomes and reasons only, never ids or text.</summary>
public sealed class SessionMetrics : IDisposable
{
    public const string MeterName = "TrtOrleans.Sessions";

    /// <summary>The index count is read at most this often (a scrape must not cost a Redis round trip each time).</summary>
    private static readonly TimeSpan ActiveRefresh = TimeSpan.FromSeconds(5);

    /// <summary>Seconds: deterministic turns take milliseconds, LLM turns up to the 35 s budget (the exporter's default
    /// buckets are meant for milliseconds and would put every turn into the first one).</summary>
    private static readonly double[] TurnBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 35, 45];

    private readonly Meter _meter;
    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _crisisTurns;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _created;
    private readonly Counter<long> _expired;
    private readonly ISessionIndex _index;
    private readonly TimeProvider _time;
    private long _active;
    private long _activeReadAt = long.MinValue;
    private int _refreshing;

    public SessionMetrics(IMeterFactory meters, ISessionIndex index, TimeProvider time)
    {
        _index = index;
        _time = time;
        _meter = meters.Create(MeterName);
        _turns = _meter.CreateCounter<long>("trt.turns", description: "Inputs handled by session grains, by outcome");
        _turnDuration = _meter.CreateHistogram<double>("trt.turn.duration", unit: "s", description: "Time a session grain spent on an input",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = TurnBuckets });
        _crisisTurns = _meter.CreateCounter<long>("trt.crisis_turns", description: "Turns answered with a crisis reply");
        _rateLimited = _meter.CreateCounter<long>("trt.inputs.rate_limited", description: "Inputs refused by the per-session rate limit");
        _created = _meter.CreateCounter<long>("trt.sessions.created", description: "Sessions created");
        _expired = _meter.CreateCounter<long>("trt.sessions.expired", description: "Sessions erased for inactivity");
        _meter.CreateObservableGauge("trt.sessions.active", ObserveActive, description: "Sessions in the cluster's session index");
    }

    /// <summary>One input handled by a session grain; <paramref name="outcome"/> is the InputStatus name.</summary>
    public void Turn(string outcome, TimeSpan elapsed, bool crisis)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome);
        _turns.Add(1, tag);
        _turnDuration.Record(elapsed.TotalSeconds, tag);
        if (crisis)
        {
            _crisisTurns.Add(1);
        }

        if (outcome == "rate_limited")
        {
            _rateLimited.Add(1);
        }
    }

    public void SessionCreated() => _created.Add(1);

    /// <summary><paramref name="how"/>: "on_access" (found expired by its next call) or "cleanup" (the sweep).</summary>
    public void SessionExpired(string how) => _expired.Add(1, new KeyValuePair<string, object?>("how", how));

    public void Dispose() => _meter.Dispose();

    private long ObserveActive()
    {
        var now = _time.GetTimestamp();
        if (_time.GetElapsedTime(Interlocked.Read(ref _activeReadAt), now) >= ActiveRefresh
            && Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
        {
            _ = RefreshActiveAsync(now);
        }

        return Interlocked.Read(ref _active);
    }

    private async Task RefreshActiveAsync(long startedAt)
    {
        try
        {
            Interlocked.Exchange(ref _active, await _index.CountAsync());
            Interlocked.Exchange(ref _activeReadAt, startedAt);
        }
        catch (Exception)
        {
            // Storage away: keep the last value; /health reports the outage, the gauge is not the place for it.
        }
        finally
        {
            Interlocked.Exchange(ref _refreshing, 0);
        }
    }
}
