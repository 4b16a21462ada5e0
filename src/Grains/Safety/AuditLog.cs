using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Grains.Safety;

internal static partial class AuditLog
{
    public static void Write(ILogger logger, SafetyAuditEvent e) =>
        LogAudit(logger, e.Type, e.SessionRef, e.Turn, e.RiskLevel, e.ReplyIntent, e.HandoffRecommended);

    public static NameValueEntry[] Fields(SafetyAuditEvent e) =>
    [
        new("event_id", e.EventId),
        new("type", e.Type),
        new("session_ref", e.SessionRef),
        new("turn", e.Turn),
        new("timestamp", e.Timestamp.ToString("O")),
        new("risk_level", e.RiskLevel),
        new("cue_ids", string.Join(',', e.CueIds)),
        new("detector_data_version", e.DetectorDataVersion),
        new("reply_intent", e.ReplyIntent),
        new("resources_shown", e.ResourcesShown),
        new("handoff_recommended", e.HandoffRecommended),
    ];

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Safety audit {Type} session_ref={SessionRef} turn={Turn} risk={Risk} intent={Intent} handoff={Handoff}")]
    private static partial void LogAudit(ILogger logger, string type, string sessionRef, int turn, string risk, string intent, bool handoff);
}
