using Microsoft.Extensions.Logging;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Grains.Safety;

/// <summary>Turns safety events into audit drafts under the one keyed session reference, and flushes drafts kept in
/// a session's state (the outbox) to the audit chain. A failed flush loses nothing: the drafts stay in the state
/// and are appended on a later call (appends are idempotent by event id).</summary>
public sealed partial class AuditOutbox(IAuditTrail trail, SessionReference references, ILogger<AuditOutbox> logger)
{
    /// <summary>Build of the engine assembly, part of every record's engine_version.</summary>
    public static readonly string EngineBuild = typeof(SafetyAuditEvent).Assembly.GetName().Version?.ToString() ?? "0";

    public string SessionRef(string sessionKey) => references.For(sessionKey);

    public AuditDraft Draft(string sessionKey, SafetyAuditEvent e) => new(
        Guid.NewGuid().ToString("N"),
        e.Timestamp,
        e.Type,
        e.RiskLevel,
        e.DetectorDataVersion.Length == 0 ? EngineBuild : $"{EngineBuild}+{e.DetectorDataVersion}",
        references.For(sessionKey),
        e.Turn);

    /// <summary>True when every draft is in the chain.</summary>
    public async Task<bool> FlushAsync(IReadOnlyList<AuditDraft> drafts)
    {
        if (drafts.Count == 0)
        {
            return true;
        }

        try
        {
            await trail.AppendAsync(drafts);
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException or InvalidOperationException)
        {
            LogFlushFailed(logger, drafts.Count, ex.GetType().Name);
            return false;
        }

        foreach (var d in drafts)
        {
            LogAudit(logger, d.Event, d.SessionRef, d.Turn, d.RiskLevel);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Safety audit {Event} session_ref={SessionRef} turn={Turn} risk={Risk}")]
    private static partial void LogAudit(ILogger logger, string @event, string sessionRef, int turn, string risk);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit flush of {Count} records failed ({Error}); kept in the session state for a retry")]
    private static partial void LogFlushFailed(ILogger logger, int count, string error);
}
