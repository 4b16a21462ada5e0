using System.Collections.Concurrent;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Retrieval;

/// <summary>Process-local <see cref="IRetrievalCache"/> for the embedded mode and tests: entries expire after the
/// TTL (1 h by default) measured with the injected clock; the entry count is capped.</summary>
public sealed class InMemoryRetrievalCache : IRetrievalCache
{
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _ttl;

    public InMemoryRetrievalCache(TimeProvider? time = null, TimeSpan? ttl = null)
    {
        _time = time ?? TimeProvider.System;
        _ttl = ttl ?? TimeSpan.FromHours(1);
    }

    public int Count => _entries.Count;

    public Task<IReadOnlyList<CachedHit>?> GetAsync(string key, CancellationToken ct)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            if (_time.GetUtcNow() < entry.ExpiresAt)
            {
                return Task.FromResult<IReadOnlyList<CachedHit>?>(entry.Hits);
            }

            _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
        }

        return Task.FromResult<IReadOnlyList<CachedHit>?>(null);
    }

    public Task SetAsync(string key, IReadOnlyList<CachedHit> hits, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        if (_entries.Count >= MaxEntries)
        {
            Evict(now);
        }

        _entries[key] = new Entry([.. hits], now + _ttl);
        return Task.CompletedTask;
    }

    private void Evict(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.ExpiresAt <= now)
            {
                _entries.TryRemove(key, out _);
            }
        }

        // Still full of live entries: start over rather than grow without bound (it is only a cache).
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
    }

    private sealed record Entry(IReadOnlyList<CachedHit> Hits, DateTimeOffset ExpiresAt);
}
