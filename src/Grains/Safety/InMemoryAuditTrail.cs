using TrtOrleans.Grains.Interfaces;

namespace TrtOrleans.Grains.Safety;

/// <summary>The audit chain of the embedded developer mode (process memory, same rules as Redis).</summary>
public sealed class InMemoryAuditTrail : IAuditTrail
{
    private readonly List<AuditEntry> _chain = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private long _firstSeq = 1;
    private string _anchor = AuditChain.Genesis;

    public Task AppendAsync(IReadOnlyList<AuditDraft> drafts)
    {
        lock (_lock)
        {
            foreach (var draft in drafts.Where(d => _ids.Add(d.EventId)))
            {
                var prev = _chain.Count == 0 ? _anchor : _chain[^1].Hash;
                _chain.Add(AuditChain.Link(draft, _firstSeq + _chain.Count, prev));
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> ReadSessionAsync(string sessionRef, int limit)
    {
        lock (_lock)
        {
            IReadOnlyList<AuditEntry> list = [.. _chain.Where(e => e.SessionRef == sessionRef).Take(limit)];
            return Task.FromResult(list);
        }
    }

    public Task<AuditVerification> VerifyAsync()
    {
        lock (_lock)
        {
            return Task.FromResult(AuditChain.Verify(_chain, _firstSeq, _anchor));
        }
    }

    public Task<int> TrimAsync(DateTimeOffset before)
    {
        lock (_lock)
        {
            var dropped = 0;
            while (_chain.Count > 0 && _chain[0].Timestamp < before)
            {
                _anchor = _chain[0].Hash;
                _ids.Remove(_chain[0].EventId);
                _chain.RemoveAt(0);
                _firstSeq++;
                dropped++;
            }

            return Task.FromResult(dropped);
        }
    }
}
