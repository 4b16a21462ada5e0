using System.Collections.Concurrent;
using Orleans.Storage;
using TrtOrleans.Grains.Index;

namespace TrtOrleans.Grains.Persistence;

/// <summary>Process-local sessions for the embedded developer mode: the same values and semantics as
/// <see cref="RedisSessionStore"/> (lost on restart).</summary>
public sealed class InMemorySessionStore(InMemorySessionIndex index) : ISessionStore
{
    private readonly ConcurrentDictionary<string, Entry> _sessions = new();

    public Task<StoredSession?> ReadAsync(string sessionId) =>
        Task.FromResult(_sessions.TryGetValue(sessionId, out var e) && e.State is not null
            ? new StoredSession(e.Etag!, e.State, e.WrappedKey)
            : null);

    public async Task CommitAsync(string sessionId, SessionCommit commit)
    {
        var entry = _sessions.GetOrAdd(sessionId, _ => new Entry());
        lock (entry)
        {
            if (entry.Etag != commit.ExpectedEtag)
            {
                throw new InconsistentStateException("The session was written by another activation.", entry.Etag ?? "", commit.ExpectedEtag ?? "");
            }

            if (commit.ExpectedEtag is null)
            {
                entry.Pages.Clear();
                entry.WrappedKey = null;
            }

            entry.Etag = commit.NewEtag;
            entry.State = commit.State;
            entry.WrappedKey = commit.WrappedKey ?? entry.WrappedKey;
            foreach (var page in commit.Pages)
            {
                entry.Pages.Insert(0, page);
            }

            if (entry.Pages.Count > commit.KeepPages)
            {
                entry.Pages.RemoveRange(commit.KeepPages, entry.Pages.Count - commit.KeepPages);
            }
        }

        await index.TouchAsync(commit.Summary);
    }

    public async Task EraseAsync(string sessionId)
    {
        _sessions.TryRemove(sessionId, out _);
        await index.RemoveAsync(sessionId);
    }

    public Task<IReadOnlyList<byte[]>> ReadPagesAsync(string sessionId)
    {
        if (!_sessions.TryGetValue(sessionId, out var entry))
        {
            return Task.FromResult<IReadOnlyList<byte[]>>([]);
        }

        lock (entry)
        {
            return Task.FromResult<IReadOnlyList<byte[]>>([.. entry.Pages]);
        }
    }

    private sealed class Entry
    {
        public string? Etag { get; set; }

        public byte[]? State { get; set; }

        public byte[]? WrappedKey { get; set; }

        public List<byte[]> Pages { get; } = [];
    }
}
