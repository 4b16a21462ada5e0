using Microsoft.Extensions.Logging;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Grains.Safety;

/// <summary>Audit sink of the embedded developer mode: logged and kept in a bounded in-process list.</summary>
public sealed class InMemorySafetyAuditSink(ILogger<InMemorySafetyAuditSink> logger) : ISafetyAuditSink
{
    public const int MaxEvents = 10_000;

    private readonly LinkedList<SafetyAuditEvent> _events = new();
    private readonly Lock _lock = new();

    public IReadOnlyList<SafetyAuditEvent> Events
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    public Task WriteAsync(SafetyAuditEvent auditEvent, CancellationToken ct)
    {
        AuditLog.Write(logger, auditEvent);
        lock (_lock)
        {
            _events.AddLast(auditEvent);
            if (_events.Count > MaxEvents)
            {
                _events.RemoveFirst();
            }
        }

        return Task.CompletedTask;
    }
}
