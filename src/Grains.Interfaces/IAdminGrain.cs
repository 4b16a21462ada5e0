namespace TrtOrleans.Grains.Interfaces;

/// <summary>Cluster-wide admin queries. A stateless worker: any silo answers, nothing is serialised through one
/// activation.</summary>
[Alias("trt.admin_grain")]
public interface IAdminGrain : IGrainWithIntegerKey
{
    /// <summary>Most recent sessions first, from the active-sessions index.</summary>
    [Alias("list_sessions")]
    Task<SessionListing> ListSessionsAsync(int limit, int? activeWithinMinutes);

    /// <summary>Removes sessions inactive for at least <paramref name="inactiveFor"/>; returns how many.</summary>
    [Alias("cleanup")]
    Task<int> CleanupAsync(TimeSpan inactiveFor);

    /// <summary>The day's counters, or null when nothing was recorded that day.</summary>
    [Alias("get_daily")]
    Task<DailyAnalytics?> GetDailyAsync(DateOnly day);

    /// <summary>The crisis audit records of one session (by its grain key), oldest first.</summary>
    [Alias("read_audit")]
    Task<AuditSessionRecords> ReadAuditAsync(string sessionKey, int limit);

    /// <summary>Checks the whole audit hash chain.</summary>
    [Alias("verify_audit")]
    Task<AuditVerification> VerifyAuditAsync();

    /// <summary>Drops audit records older than the audit retention (Audit:Retention); returns how many.</summary>
    [Alias("trim_audit")]
    Task<int> TrimAuditAsync();

    /// <summary>Session grain activations per silo address. Asked here so that only the grains assembly names its
    /// grain classes: the gateway never matches class names.</summary>
    [Alias("session_activations_by_silo")]
    Task<Dictionary<string, int>> GetSessionActivationsBySiloAsync();
}

[GenerateSerializer, Alias("trt.session_listing_item.v1")]
public sealed record SessionListingItem(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string CurrentSubstate,
    [property: Id(2)] DateTimeOffset LastInteraction,
    [property: Id(3)] int TurnCount,
    [property: Id(4)] string Status,
    [property: Id(5)] string? ClientId = null);

[GenerateSerializer, Alias("trt.session_listing.v1")]
public sealed record SessionListing([property: Id(0)] int TotalSessions, [property: Id(1)] SessionListingItem[] Sessions);

[GenerateSerializer, Alias("trt.daily_analytics.v1")]
public sealed record DailyAnalytics(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] long TotalInputs,
    [property: Id(2)] long SessionsCreated,
    [property: Id(3)] Dictionary<string, long> Events);
