using Orleans.Concurrency;
using TrtOrleans.Grains.Analytics;
using TrtOrleans.Grains.Index;
using TrtOrleans.Grains.Interfaces;
using TrtOrleans.Grains.Persistence;
using TrtOrleans.Grains.Safety;
using Microsoft.Extensions.Options;

namespace TrtOrleans.Grains.Admin;

[StatelessWorker]
[GrainType("admin")]
public sealed class AdminGrain(
    ISessionIndex index,
    IAnalyticsStore analytics,
    IStorageAvailability storage,
    TimeProvider time,
    IAuditTrail audit,
    AuditOutbox outbox,
    IOptions<AuditOptions> auditOptions) : Grain, IAdminGrain
{
    /// <summary>Sessions handled per index page during cleanup (bounded memory for any index size).</summary>
    public const int CleanupPage = 500;

    public async Task<SessionListing> ListSessionsAsync(int limit, int? activeWithinMinutes)
    {
        CallerContext.DemandPrivileged();
        EnsureStorage();
        var since = activeWithinMinutes is { } minutes ? time.GetUtcNow().AddMinutes(-minutes) : DateTimeOffset.MinValue;
        var items = await index.ListRecentAsync(limit, since);
        var sessions = items
            .Select(s => (Key: SessionKey.Parse(s.SessionId), Summary: s))
            .Select(s => new SessionListingItem(
                s.Key.SessionId, s.Summary.CurrentSubstate, s.Summary.LastInteraction, s.Summary.TurnCount, s.Summary.Status, s.Key.ClientId))
            .ToArray();
        return new SessionListing(sessions.Length, sessions);
    }

    public async Task<int> CleanupAsync(TimeSpan inactiveFor)
    {
        CallerContext.DemandPrivileged();
        EnsureStorage();
        var cutoff = time.GetUtcNow() - inactiveFor;
        var removed = 0;
        var seen = new HashSet<string>();
        while (true)
        {
            // Oldest first by score; each session grain decides for itself (it may have had an input meanwhile).
            var page = (await index.ListInactiveAsync(cutoff, CleanupPage)).Where(seen.Add).ToList();
            if (page.Count == 0)
            {
                return removed;
            }

            var results = await Task.WhenAll(page.Select(id =>
                GrainFactory.GetGrain<ISessionGrain>(id).RemoveIfInactiveAsync(inactiveFor)));
            removed += results.Count(r => r);
        }
    }

    public async Task<DailyAnalytics?> GetDailyAsync(DateOnly day)
    {
        CallerContext.DemandPrivileged();
        EnsureStorage();
        var fields = await analytics.GetDayAsync(day);
        if (fields is null)
        {
            return null;
        }

        var events = fields
            .Where(f => f.Key.StartsWith(AnalyticsRecorder.EventPrefix, StringComparison.Ordinal))
            .ToDictionary(f => f.Key[AnalyticsRecorder.EventPrefix.Length..], f => f.Value);
        return new DailyAnalytics(
            day,
            fields.GetValueOrDefault(AnalyticsRecorder.TotalInputs),
            fields.GetValueOrDefault(AnalyticsRecorder.SessionsCreated),
            events);
    }

    public async Task<AuditSessionRecords> ReadAuditAsync(string sessionKey, int limit)
    {
        CallerContext.DemandPrivileged();
        EnsureStorage();
        var sessionRef = outbox.SessionRef(sessionKey);
        return new AuditSessionRecords(sessionRef, [.. await audit.ReadSessionAsync(sessionRef, limit)]);
    }

    public async Task<AuditVerification> VerifyAuditAsync()
    {
        CallerContext.DemandPrivileged();
        EnsureStorage();
        return await audit.VerifyAsync();
    }

    public async Task<int> TrimAuditAsync()
    {
        CallerContext.DemandPrivileged();
        EnsureStorage();
        return await audit.TrimAsync(time.GetUtcNow() - auditOptions.Value.Retention);
    }

    /// <summary>Fails at once while Redis is away (503 at the gateway) instead of after command timeouts.</summary>
    private void EnsureStorage()
    {
        if (!storage.IsAvailable)
        {
            throw new OrleansException("Session storage is unavailable.");
        }
    }

    public async Task<Dictionary<string, int>> GetSessionActivationsBySiloAsync()
    {
        var stats = await GrainFactory.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        var sessionType = typeof(SessionGrain).FullName!; // compile-checked, never a hand-typed name
        return stats
            .Where(s => s.GrainType.Contains(sessionType, StringComparison.Ordinal))
            .GroupBy(s => s.SiloAddress.ToString())
            .ToDictionary(g => g.Key, g => g.Sum(s => s.ActivationCount));
    }
}
