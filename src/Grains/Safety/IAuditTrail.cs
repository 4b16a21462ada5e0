using TrtOrleans.Grains.Interfaces;

namespace TrtOrleans.Grains.Safety;

/// <summary>The append-only, hash-chained crisis audit log.</summary>
public interface IAuditTrail
{
    /// <summary>Appends each draft once: a draft whose event id is already in the log is skipped (retries of the
    /// outbox are safe).</summary>
    Task AppendAsync(IReadOnlyList<AuditDraft> drafts);

    /// <summary>One session's records, oldest first (at most <paramref name="limit"/>).</summary>
    Task<IReadOnlyList<AuditEntry>> ReadSessionAsync(string sessionRef, int limit);

    Task<AuditVerification> VerifyAsync();

    /// <summary>Drops records older than <paramref name="before"/> from the start of the chain (retention); the
    /// chain stays verifiable from the first record kept. Returns how many were dropped.</summary>
    Task<int> TrimAsync(DateTimeOffset before);
}
