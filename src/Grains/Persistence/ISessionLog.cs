using TrtOrleans.Grains.Interfaces;

namespace TrtOrleans.Grains.Persistence;

/// <summary>What a session keeps beside its grain state: the newest exchanges and the stored replies of recent
/// request ids. Written by the session grain only (one writer per session), after the grain state.</summary>
public interface ISessionLog
{
    /// <summary>Appends the exchange unless the history already holds a turn ≥ its turn (so a repeated append after a
    /// crash is harmless), trims to <see cref="SessionLimits.HistoryCap"/>, stores the reply under its request id
    /// (when given) and evicts replies of request ids that fell out of the kept set.</summary>
    Task AppendAsync(string sessionId, Exchange exchange, StoredReply? reply, IReadOnlyList<string> evictedRequestIds);

    /// <summary>The turn of the newest stored exchange, 0 when the history is empty.</summary>
    Task<int> GetNewestTurnAsync(string sessionId);

    /// <summary>Newest first, at most <paramref name="limit"/>.</summary>
    Task<Exchange[]> GetHistoryAsync(string sessionId, int limit);

    /// <summary>The stored reply of a request id, or null.</summary>
    Task<TherapistResponse?> GetReplyAsync(string sessionId, string requestId);

    /// <summary>Removes the history and the stored replies of the session.</summary>
    Task DeleteAsync(string sessionId);
}

/// <summary>A reply kept for replay of a retried request id.</summary>
public sealed record StoredReply(string RequestId, TherapistResponse Response);
