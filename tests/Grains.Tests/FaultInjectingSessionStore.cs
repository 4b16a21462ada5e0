using System.Collections.Concurrent;
using TrtOrleans.Grains.Persistence;

namespace TrtOrleans.Grains.Tests;

/// <summary>The real Redis session store, except that the next commits or erases of an armed session id fail — as if
/// Redis or the connection failed at that moment.</summary>
public sealed class FaultInjectingSessionStore(ISessionStore inner) : ISessionStore
{
    private static readonly ConcurrentDictionary<string, int> FailingCommits = new();
    private static readonly ConcurrentDictionary<string, int> FailingErases = new();

    public static void FailNextCommits(string sessionId, int count) => FailingCommits[sessionId] = count;

    public static void FailNextErases(string sessionId, int count) => FailingErases[sessionId] = count;

    public Task<StoredSession?> ReadAsync(string sessionId) => inner.ReadAsync(sessionId);

    public Task CommitAsync(string sessionId, SessionCommit commit)
    {
        Trip(FailingCommits, sessionId);
        return inner.CommitAsync(sessionId, commit);
    }

    public Task EraseAsync(string sessionId)
    {
        Trip(FailingErases, sessionId);
        return inner.EraseAsync(sessionId);
    }

    public Task<IReadOnlyList<byte[]>> ReadPagesAsync(string sessionId) => inner.ReadPagesAsync(sessionId);

    private static void Trip(ConcurrentDictionary<string, int> armed, string sessionId)
    {
        if (armed.TryGetValue(sessionId, out var left) && left > 0)
        {
            armed[sessionId] = left - 1;
            throw new IOException("injected storage failure");
        }
    }
}
