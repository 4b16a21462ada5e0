using TrtOrleans.Grains.Index;

namespace TrtOrleans.Grains.Persistence;

/// <summary>Where a session's values live (Redis, or process memory for the embedded developer mode). Each method is
/// one atomic step: a commit writes state, new history pages, data key, TTLs and the index entry together or not at
/// all; an erase removes all of them together.</summary>
public interface ISessionStore
{
    /// <summary>The stored session, or null. Also reports whether the session exists in the layout before this one.</summary>
    Task<StoredSession?> ReadAsync(string sessionId);

    /// <summary>Fails with <see cref="Orleans.Storage.InconsistentStateException"/> when the stored etag is not
    /// <see cref="SessionCommit.ExpectedEtag"/> (null: nothing may be stored; anything left under the id is cleared).</summary>
    Task CommitAsync(string sessionId, SessionCommit commit);

    Task EraseAsync(string sessionId);

    /// <summary>History pages, newest first.</summary>
    Task<IReadOnlyList<byte[]>> ReadPagesAsync(string sessionId);
}

/// <param name="Etag">8 ASCII characters, changed by every write.</param>
/// <param name="State">The encoded <see cref="SessionRecord"/>.</param>
/// <param name="WrappedKey">The session's data key wrapped by the key ring (null in plain mode).</param>
public sealed record StoredSession(string Etag, byte[] State, byte[]? WrappedKey);

/// <param name="Pages">New history pages, oldest first.</param>
/// <param name="KeepPages">How many pages the history keeps after this commit.</param>
/// <param name="WrappedKey">A data key to store (on creation or rewrap), or null to keep the stored one.</param>
public sealed record SessionCommit(
    string? ExpectedEtag,
    string NewEtag,
    byte[] State,
    IReadOnlyList<byte[]> Pages,
    int KeepPages,
    byte[]? WrappedKey,
    SessionSummary Summary,
    TimeSpan Ttl);
