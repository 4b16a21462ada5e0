using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using TrtOrleans.Grains.Persistence;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Grains.Safety;

/// <summary>The safety audit trail: a capped Redis stream (no client text, see trt-engine.md §13.2), also logged.</summary>
public sealed partial class RedisSafetyAuditSink(IConnectionMultiplexer redis, RedisKeyspace keys, ILogger<RedisSafetyAuditSink> logger) : ISafetyAuditSink
{
    /// <summary>Approximate number of audit events kept (a bounded set; export them elsewhere for longer retention).</summary>
    public const int MaxEvents = 100_000;

    private readonly IDatabase _db = redis.GetDatabase();

    public async Task WriteAsync(SafetyAuditEvent auditEvent, CancellationToken ct)
    {
        AuditLog.Write(logger, auditEvent);
        await _db.StreamAddAsync(keys.AuditStreamKey, AuditLog.Fields(auditEvent), maxLength: MaxEvents, useApproximateMaxLength: true);
    }
}
