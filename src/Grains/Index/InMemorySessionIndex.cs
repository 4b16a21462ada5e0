using TrtOrleans.Grains.Interfaces;

namespace TrtOrleans.Grains.Index;

/// <summary>Process-local index for the embedded developer mode.</summary>
public sealed class InMemorySessionIndex : ISessionIndex
{
    private readonly Dictionary<string, SessionSummary> _sessions = [];
    private readonly Lock _lock = new();

    public Task TouchAsync(SessionSummary summary)
    {
        lock (_lock)
        {
            _sessions[summary.SessionId] = summary;
        }

        return Task.CompletedTask;
    }

    public Task RemoveAsync(string sessionId)
    {
        lock (_lock)
        {
            _sessions.Remove(sessionId);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SessionSummary>> ListRecentAsync(int limit, DateTimeOffset since)
    {
        lock (_lock)
        {
            IReadOnlyList<SessionSummary> list = [.. _sessions.Values
                .Where(s => s.LastInteraction >= since)
                .OrderByDescending(s => s.LastInteraction)
                .Take(limit)];
            return Task.FromResult(list);
        }
    }

    public Task<IReadOnlyList<string>> ListInactiveAsync(DateTimeOffset before, int limit)
    {
        lock (_lock)
        {
            IReadOnlyList<string> list = [.. _sessions.Values
                .Where(s => s.LastInteraction < before)
                .OrderBy(s => s.LastInteraction)
                .Take(limit)
                .Select(s => s.SessionId)];
            return Task.FromResult(list);
        }
    }

    public Task<long> CountAsync()
    {
        lock (_lock)
        {
            return Task.FromResult((long)_sessions.Count);
        }
    }

    public Task TrackClientAsync(string sessionId) => Task.CompletedTask; // counted from the summaries below

    public Task<long> CountForClientAsync(string clientId)
    {
        lock (_lock)
        {
            return Task.FromResult((long)_sessions.Keys.Count(id => SessionKey.Parse(id).ClientId == clientId));
        }
    }
}
