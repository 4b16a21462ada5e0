namespace TrtOrleans.Grains.Interfaces;

/// <summary>One therapy session, keyed by session id. One activation processes one message at a time, which is what
/// keeps turns ordered and updates from being lost across the cluster.</summary>
[Alias("trt.session_grain")]
public interface ISessionGrain : IGrainWithStringKey
{
    /// <summary>Creates the session if it does not exist. Returns <see cref="CreateSessionResult.Created"/> = false
    /// (and the existing creation time) when it already exists.</summary>
    [Alias("create")]
    Task<CreateSessionResult> CreateAsync(CreateSessionRequest request);

    /// <summary>Processes one client input: creates the session on first use, applies the rate limit and
    /// the request-id replay, runs the engine, persists, then answers.</summary>
    [Alias("send_input")]
    Task<InputOutcome> SendInputAsync(InputRequest request);

    /// <summary>The session's status, or null when it does not exist (or has expired).</summary>
    [Alias("get_status")]
    Task<SessionStatus?> GetStatusAsync();

    /// <summary>Newest-first exchanges (at most <paramref name="limit"/>), or null when the session does not exist.</summary>
    [Alias("get_history")]
    Task<SessionHistory?> GetHistoryAsync(int limit);

    /// <summary>Removes everything stored for the session. Returns false when there was nothing to remove.</summary>
    [Alias("erase")]
    Task<bool> EraseAsync();

    /// <summary>Erases the session when its last input is at least <paramref name="inactiveFor"/> old (cleanup).
    /// Returns true when it was removed. A session that no longer exists only has its index entry dropped.</summary>
    [Alias("remove_if_inactive")]
    Task<bool> RemoveIfInactiveAsync(TimeSpan inactiveFor);
}
