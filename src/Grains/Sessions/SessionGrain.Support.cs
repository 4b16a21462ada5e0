using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
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
        SessionRef(SessionId),
        s.TurnCount,
        now,
        risk.Name(),
        cueIds,
        "",
        "none",
        false,
        false);

    /// <summary>A stable, non-reversible reference to a session for audit records.</summary>
    internal static string SessionRef(string sessionId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sessionId)))[..16];

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
}
