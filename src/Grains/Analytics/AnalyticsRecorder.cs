using Microsoft.Extensions.Logging;
using TrtOrleans.Grains.Hosting;

namespace TrtOrleans.Grains.Analytics;

/// <summary>Per-silo aggregation of daily counters. Grains count in memory (no Redis round trip and no shared grain
/// per input); <see cref="FlushAsync"/> moves the totals to the store. A failed flush puts the counts back, and the
/// host flushes once more on graceful shutdown, so no increment is lost.
/// The same events are mirrored to the session meter when one is registered.</summary>
public sealed partial class AnalyticsRecorder(
    IAnalyticsStore store, TimeProvider time, ILogger<AnalyticsRecorder> logger, SessionMetrics? metrics = null)
{
    public const string TotalInputs = "total_inputs";
    public const string SessionsCreated = "sessions_created";
    public const string EventPrefix = "event:";

    private readonly SemaphoreSlim _flushGate = new(1, 1);
    private readonly Lock _lock = new();
    private Dictionary<(DateOnly Day, string Field), long> _pending = [];

    public void Input() => Add(TotalInputs);

    public void SessionCreated()
    {
        Add(SessionsCreated);
        metrics?.SessionCreated();
    }

    public void Event(string name)
    {
        Add(EventPrefix + name);
        if (name == "session_expired")
        {
            metrics?.SessionExpired("on_access");
        }
    }

    public async Task FlushAsync()
    {
        await _flushGate.WaitAsync();
        try
        {
            Dictionary<(DateOnly Day, string Field), long> taken;
            lock (_lock)
            {
                taken = _pending;
                _pending = [];
            }

            if (taken.Count == 0)
            {
                return;
            }

            // One day per write: each day is its own key (its own Redis Cluster slot), so a write spanning two days
            // could not be one transaction there. A day written stays written; only the days not written are kept,
            // so a retry never counts a day twice.
            var days = taken.GroupBy(kv => kv.Key.Day).ToList();
            var written = 0;
            try
            {
                foreach (var day in days)
                {
                    await store.AddAsync(new Dictionary<DateOnly, IReadOnlyDictionary<string, long>>
                    {
                        [day.Key] = day.ToDictionary(kv => kv.Key.Field, kv => kv.Value),
                    });
                    written++;
                }
            }
            catch (Exception ex)
            {
                lock (_lock)
                {
                    foreach (var (key, value) in days.Skip(written).SelectMany(d => d))
                    {
                        _pending[key] = _pending.GetValueOrDefault(key) + value;
                    }
                }

                LogFlushFailed(logger, taken.Count, ex.GetType().Name);
                throw;
            }
        }
        finally
        {
            _flushGate.Release();
        }
    }

    private void Add(string field)
    {
        var key = (DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), field);
        // A short lock per count: uncontended in practice, and it makes the swap in FlushAsync exact.
        lock (_lock)
        {
            _pending[key] = _pending.GetValueOrDefault(key) + 1;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analytics flush failed for {Fields} counters ({Error}); kept for the next flush")]
    private static partial void LogFlushFailed(ILogger logger, int fields, string error);
}
