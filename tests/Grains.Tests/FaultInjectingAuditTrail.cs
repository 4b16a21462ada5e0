using StackExchange.Redis;
using TrtOrleans.Grains.Safety;

namespace TrtOrleans.Grains.Tests;

/// <summary>The real audit chain, except that appends fail while <see cref="Failing"/> is set — as if Redis refused
/// the audit write right after the turn committed. Used only by <see cref="AuditOutboxTests"/>.</summary>
public sealed class FaultInjectingAuditTrail(IAuditTrail inner) : IAuditTrail
{
    public static volatile bool Failing;

    public Task AppendAsync(IReadOnlyList<AuditDraft> drafts) =>
        Failing ? throw new RedisException("injected audit failure") : inner.AppendAsync(drafts);

    public Task<IReadOnlyList<AuditEntry>> ReadSessionAsync(string sessionRef, int limit) => inner.ReadSessionAsync(sessionRef, limit);

    public Task<AuditVerification> VerifyAsync() => inner.VerifyAsync();

    public Task<int> TrimAsync(DateTimeOffset before) => inner.TrimAsync(before);
}
