using Microsoft.Extensions.Logging;
using TrtOrleans.Grains.Interfaces;
using TrtOrleans.Grains.Persistence;

namespace TrtOrleans.Grains;

/// <summary>The second write of a turn and its recovery (docs/architecture.md). The grain state's
/// <see cref="LastTurn"/> is the commit point; this class appends it to the history and, after a failed append or on
/// a new activation, re-appends it before the history is read or appended again. Appends are idempotent (the log
/// skips a turn it already has), so repeating one is harmless.</summary>
internal sealed partial class SessionHistoryWriter(string sessionId, ISessionLog log, ILogger logger)
{
    private bool _verified;

    /// <summary>Makes the history hold <paramref name="last"/> (one round trip per activation, none afterwards).</summary>
    public async Task EnsureAsync(LastTurn? last)
    {
        if (!_verified && last is not null && await log.GetNewestTurnAsync(sessionId) < last.Exchange.Turn)
        {
            LogHistoryRepaired(logger, sessionId, last.Exchange.Turn);
            await log.AppendAsync(sessionId, last.Exchange, ReplyOf(last), []);
        }

        _verified = true;
    }

    /// <summary>Appends a committed turn. A failure is logged, not thrown: the turn stands, and the next
    /// <see cref="EnsureAsync"/> repairs the history from the state.</summary>
    public async Task AppendAsync(LastTurn last, IReadOnlyList<string> evictedRequestIds)
    {
        try
        {
            await log.AppendAsync(sessionId, last.Exchange, ReplyOf(last), evictedRequestIds);
        }
        catch (Exception ex)
        {
            _verified = false;
            LogHistoryAppendFailed(logger, sessionId, last.Exchange.Turn, ex.GetType().Name);
        }
    }

    public Task<Exchange[]> ReadAsync(int limit) => log.GetHistoryAsync(sessionId, limit);

    /// <summary>The stored reply of a request id: the newest turn's from state, older ones from the log.</summary>
    public async Task<TherapistResponse?> StoredReplyAsync(LastTurn? last, string requestId) =>
        last is not null && last.RequestId == requestId ? last.Response : await log.GetReplyAsync(sessionId, requestId);

    /// <summary>Deletes the history and stored replies; a session without history needs no repair.</summary>
    public async Task DeleteAsync()
    {
        await log.DeleteAsync(sessionId);
        _verified = true;
    }

    /// <summary>A session that was just created has nothing to repair.</summary>
    public void MarkFresh() => _verified = true;

    private static StoredReply? ReplyOf(LastTurn last) =>
        last.RequestId is null ? null : new StoredReply(last.RequestId, last.Response);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: history repaired with turn {Turn} from grain state")]
    private static partial void LogHistoryRepaired(ILogger logger, string sessionId, int turn);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: history append of turn {Turn} failed ({Error}); will repair")]
    private static partial void LogHistoryAppendFailed(ILogger logger, string sessionId, int turn, string error);
}
