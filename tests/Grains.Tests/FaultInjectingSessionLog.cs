using System.Collections.Concurrent;
using TrtOrleans.Grains.Persistence;

namespace TrtOrleans.Grains.Tests;

/// <summary>The real session log, except that the next append for an armed session id fails — as if the process died
/// between the grain-state write and the history write of a turn.</summary>
public sealed class FaultInjectingSessionLog(ISessionLog inner) : ISessionLog
{
    private static readonly ConcurrentDictionary<string, int> Armed = new();

    public static void FailNextAppends(string sessionId, int count) => Armed[sessionId] = count;

    public Task AppendAsync(string sessionId, Exchange exchange, StoredReply? reply, IReadOnlyList<string> evictedRequestIds)
    {
        if (Armed.TryGetValue(sessionId, out var left) && left > 0)
        {
            Armed[sessionId] = left - 1;
            throw new IOException("injected failure between the two writes of a turn");
        }

        return inner.AppendAsync(sessionId, exchange, reply, evictedRequestIds);
    }

    public Task<int> GetNewestTurnAsync(string sessionId) => inner.GetNewestTurnAsync(sessionId);

    public Task<Exchange[]> GetHistoryAsync(string sessionId, int limit) => inner.GetHistoryAsync(sessionId, limit);

    public Task<TherapistResponse?> GetReplyAsync(string sessionId, string requestId) => inner.GetReplyAsync(sessionId, requestId);

    public Task DeleteAsync(string sessionId) => inner.DeleteAsync(sessionId);
}
