namespace TrtOrleans.Grains.Index;

/// <summary>The active-sessions index: every live session with its last interaction time and a short summary,
/// so that listing the most recent sessions needs no grain calls.</summary>
public interface ISessionIndex
{
    Task TouchAsync(SessionSummary summary);

    Task RemoveAsync(string sessionId);

    /// <summary>Most recent first; only sessions with last interaction at or after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<SessionSummary>> ListRecentAsync(int limit, DateTimeOffset since);

    /// <summary>Ids of sessions whose last interaction is before <paramref name="before"/>, oldest first.</summary>
    Task<IReadOnlyList<string>> ListInactiveAsync(DateTimeOffset before, int limit);

    Task<long> CountAsync();

    /// <summary>Counts a new session against its client's quota of live sessions; <see cref="RemoveAsync"/> uncounts it.</summary>
    Task TrackClientAsync(string sessionId);

    /// <summary>Live sessions of one client (the per-client quota).</summary>
    Task<long> CountForClientAsync(string clientId);
}

public sealed record SessionSummary(
    string SessionId,
    string CurrentSubstate,
    DateTimeOffset LastInteraction,
    int TurnCount,
    string Status);
