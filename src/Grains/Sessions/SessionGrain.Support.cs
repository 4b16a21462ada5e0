using Microsoft.Extensions.Logging;
using TrtOrleans.Grains.Interfaces;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Grains;

// Audit events and log messages of the session grain. Logs carry ids, counts and decisions, never text.
public sealed partial class SessionGrain
{
    private SafetyAuditEvent ExpiryEvent(EngineState s) =>
        GrainAuditEvent("crisis_open_at_expiry", time.GetUtcNow(), s, RiskLevel.None, []);

    private SafetyAuditEvent GrainAuditEvent(
        string type, DateTimeOffset now, EngineState s, RiskLevel risk, IReadOnlyList<string> cueIds) => new(
        Guid.NewGuid().ToString("N"),
        type,
        "", // the keyed reference is set by AuditOutbox.Draft
        s.TurnCount,
        now,
        risk.Name(),
        cueIds,
        "",
        "none",
        false,
        false);

    /// <summary>Retry-After of a create refused by the per-client quota: sessions end by expiry or erase.</summary>
    private const int QuotaRetryAfterSeconds = 60;

    /// <summary>The per-client quota of live sessions (Sessions:MaxLiveSessionsPerClient, 0 = none): without it one
    /// client could fill Redis, and with noeviction a full Redis stops every write of every client.</summary>
    private async Task<bool> QuotaReachedAsync()
    {
        var max = _options.MaxLiveSessionsPerClient;
        if (max <= 0)
        {
            return false;
        }

        var owner = SessionKey.Parse(SessionId).ClientId;
        var live = await index.CountForClientAsync(owner);
        if (live < max)
        {
            return false;
        }

        LogQuotaReached(logger, owner, live);
        return true;
    }

    /// <summary>Counts a new session against its client's quota. Outside the turn's write: the client's set lives in
    /// its own Redis slot. A failure only makes the quota more lenient until the session ends.</summary>
    private async Task TrackForQuotaAsync()
    {
        try
        {
            await index.TrackClientAsync(SessionId);
        }
        catch (Exception ex)
        {
            LogIndexFailed(logger, SessionId, ex.GetType().Name);
        }
    }

    /// <summary>Appends the outbox drafts not yet in the audit chain; on failure they stay for a later call.</summary>
    private async Task<bool> FlushAuditAsync()
    {
        var pending = state.State.PendingAudit.Where(d => !_flushedAudit.Contains(d.EventId)).ToList();
        if (pending.Count == 0)
        {
            return true;
        }

        if (!await audit.FlushAsync(pending))
        {
            return false;
        }

        _flushedAudit.UnionWith(pending.Select(d => d.EventId));
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} created via {CreatedVia}")]
    private static partial void LogCreated(ILogger logger, string sessionId, string createdVia);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Session {SessionId} turn {Turn}: {Decision} -> {Substate}")]
    private static partial void LogTurn(ILogger logger, string sessionId, int turn, string decision, string substate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} rate limited")]
    private static partial void LogRateLimited(ILogger logger, string sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} expired after {Turns} turns")]
    private static partial void LogExpired(ILogger logger, string sessionId, int turns);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} erased (existed: {Existed})")]
    private static partial void LogErased(ILogger logger, string sessionId, bool existed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Client {ClientId} reached its quota of live sessions ({Live}); create refused")]
    private static partial void LogQuotaReached(ILogger logger, string clientId, long live);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: index update failed ({Error})")]
    private static partial void LogIndexFailed(ILogger logger, string sessionId, string error);
}
