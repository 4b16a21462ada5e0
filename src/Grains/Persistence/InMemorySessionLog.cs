using System.Collections.Concurrent;
using TrtOrleans.Grains.Interfaces;

namespace TrtOrleans.Grains.Persistence;

/// <summary>Process-local session log for the embedded developer mode (nothing installed). Same semantics as the
/// Redis log, lost on restart like the in-memory grain storage it accompanies.</summary>
public sealed class InMemorySessionLog : ISessionLog
{
    private readonly ConcurrentDictionary<string, Entry> _sessions = new();

    public Task AppendAsync(string sessionId, Exchange exchange, StoredReply? reply, IReadOnlyList<string> evictedRequestIds)
    {
        var entry = _sessions.GetOrAdd(sessionId, _ => new Entry());
        lock (entry)
        {
            if (entry.History.Count == 0 || entry.History[0].Turn < exchange.Turn)
            {
                entry.History.Insert(0, exchange);
                if (entry.History.Count > SessionLimits.HistoryCap)
                {
                    entry.History.RemoveRange(SessionLimits.HistoryCap, entry.History.Count - SessionLimits.HistoryCap);
                }
            }

            if (reply is not null)
            {
                entry.Replies[reply.RequestId] = reply.Response;
            }

            foreach (var id in evictedRequestIds)
            {
                entry.Replies.Remove(id);
            }
        }

        return Task.CompletedTask;
    }

    public Task<int> GetNewestTurnAsync(string sessionId)
    {
        if (!_sessions.TryGetValue(sessionId, out var entry))
        {
            return Task.FromResult(0);
        }

        lock (entry)
        {
            return Task.FromResult(entry.History.Count == 0 ? 0 : entry.History[0].Turn);
        }
    }

    public Task<Exchange[]> GetHistoryAsync(string sessionId, int limit)
    {
        if (!_sessions.TryGetValue(sessionId, out var entry))
        {
            return Task.FromResult(Array.Empty<Exchange>());
        }

        lock (entry)
        {
            return Task.FromResult(entry.History.Take(limit).ToArray());
        }
    }

    public Task<TherapistResponse?> GetReplyAsync(string sessionId, string requestId)
    {
        if (!_sessions.TryGetValue(sessionId, out var entry))
        {
            return Task.FromResult<TherapistResponse?>(null);
        }

        lock (entry)
        {
            return Task.FromResult(entry.Replies.GetValueOrDefault(requestId));
        }
    }

    public Task DeleteAsync(string sessionId)
    {
        _sessions.TryRemove(sessionId, out _);
        return Task.CompletedTask;
    }

    private sealed class Entry
    {
        public List<Exchange> History { get; } = [];

        public Dictionary<string, TherapistResponse> Replies { get; } = [];
    }
}
