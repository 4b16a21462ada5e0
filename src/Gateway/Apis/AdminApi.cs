using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using TrtOrleans.Gateway.Apis.Contracts;
using TrtOrleans.Gateway.Http;
using TrtOrleans.Grains.Interfaces;

namespace TrtOrleans.Gateway.Apis;

/// <summary>Admin endpoints of docs/api.md (admin key required).</summary>
public static class AdminApi
{
    public const int MaxListLimit = 1000;

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(GatewayAuth.AdminPolicy).WithTags("admin").WithApiErrors().WithApiErrors(403);
        api.MapGet("/sessions", ListAsync).WithApiErrors(422)
            .WithSummary("List sessions, most recent first (admin)")
            .WithDescription("limit: 1 to 1000, default 100; active_within_minutes: only sessions with input in that window.");
        api.MapGet("/analytics/daily/{date}", DailyAsync).WithApiErrors(404, 422)
            .WithSummary("Counters of one UTC day, yyyy-MM-dd, within the last 30 days (admin)");
        api.MapPost("/admin/cleanup", CleanupAsync).WithApiErrors(422)
            .WithSummary("Remove sessions inactive for inactive_hours (default 24) (admin)");
        api.MapGet("/admin/cluster", ClusterAsync).WithSummary("Active silos and their session activations (admin)");
        api.MapGet("/admin/audit", AuditAsync).WithApiErrors(404, 422)
            .WithSummary("Crisis audit records of one session, oldest first (admin)")
            .WithDescription("session_id: the session as its client knows it; client_id: the client whose scope it is in (default: the caller's own scope); limit: 1 to 1000, default 100.");
        api.MapGet("/admin/audit/verify", VerifyAuditAsync)
            .WithSummary("Check the whole audit hash chain (admin)")
            .WithDescription("first_bad, present only when valid is false: the sequence number of the first record that breaks the chain.");
        return app;
    }

    private static async Task<Results<Ok<SessionListResponse>, ProblemResult>> ListAsync(string? limit, string? active_within_minutes, IClusterClient cluster, ClusterCalls calls, CancellationToken ct)
    {
        var count = 100;
        if (limit is not null && (!int.TryParse(limit, out count) || count is < 1 or > MaxListLimit))
        {
            return Problems.Validation($"limit must be an integer from 1 to {MaxListLimit}");
        }

        int? within = null;
        if (active_within_minutes is not null)
        {
            if (!int.TryParse(active_within_minutes, out var minutes) || minutes < 1)
            {
                return Problems.Validation("active_within_minutes must be a positive integer");
            }

            within = minutes;
        }

        var listing = await calls.RunAsync(() => cluster.GetGrain<IAdminGrain>(0).ListSessionsAsync(count, within), idempotent: true, ct);
        return TypedResults.Ok(new SessionListResponse(listing.TotalSessions, listing.Sessions, DateTimeOffset.UtcNow));
    }

    private static async Task<Results<Ok<DailyAnalyticsResponse>, ProblemResult>> DailyAsync(string date, IClusterClient cluster, ClusterCalls calls, TimeProvider time, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return Problems.Validation("date must be yyyy-MM-dd");
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (day > today || day <= today.AddDays(-30))
        {
            return Problems.Create(StatusCodes.Status404NotFound, "not_found", "Analytics are kept for the last 30 days");
        }

        var daily = await calls.RunAsync(() => cluster.GetGrain<IAdminGrain>(0).GetDailyAsync(day), idempotent: true, ct);
        return TypedResults.Ok(new DailyAnalyticsResponse(
            day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), daily?.TotalInputs ?? 0, daily?.SessionsCreated ?? 0, daily?.Events ?? []));
    }

    /// <summary>Active silos and how many session grains each one hosts (operators; the failover tests).</summary>
    private static async Task<Ok<ClusterResponse>> ClusterAsync(IClusterClient cluster, ClusterCalls calls, CancellationToken ct)
    {
        var management = cluster.GetGrain<Orleans.Runtime.IManagementGrain>(0);
        var hosts = await calls.RunAsync(() => management.GetHosts(onlyActive: true), idempotent: true, ct);
        var sessionsBySilo = await calls.RunAsync(
            () => cluster.GetGrain<IAdminGrain>(0).GetSessionActivationsBySiloAsync(), idempotent: true, ct);
        var silos = hosts.Keys
            .Select(a => new SiloView(a.ToString(), sessionsBySilo.GetValueOrDefault(a.ToString())))
            .ToArray();
        return TypedResults.Ok(new ClusterResponse(silos, DateTimeOffset.UtcNow));
    }

    /// <summary>A session's crisis audit records. The session is named as its client knows it: session_id plus
    /// client_id (the client whose scope it is in; default: the caller's own scope, the only one without keys).</summary>
    private static async Task<Results<Ok<AuditResponse>, ProblemResult>> AuditAsync(
        string? session_id, string? client_id, string? limit, HttpContext http, IClusterClient cluster, ClusterCalls calls, CancellationToken ct)
    {
        var count = 100;
        if (limit is not null && (!int.TryParse(limit, out count) || count is < 1 or > MaxListLimit))
        {
            return Problems.Validation($"limit must be an integer from 1 to {MaxListLimit}");
        }

        if (session_id is null || RequestValidation.CheckSessionId(session_id) is not null)
        {
            return Problems.Validation("session_id must match ^[A-Za-z0-9_-]{1,128}$");
        }

        var scope = client_id ?? GatewayAuth.ScopeOf(http);
        var found = await calls.RunAsync(
            () => cluster.GetGrain<IAdminGrain>(0).ReadAuditAsync(SessionKey.For(scope, session_id), count), idempotent: true, ct);
        if (found.Records.Length == 0)
        {
            return Problems.Create(StatusCodes.Status404NotFound, "not_found", $"No audit records for session '{session_id}'");
        }

        return TypedResults.Ok(new AuditResponse(
            found.SessionRef,
            [.. found.Records.Select(r => new AuditRecordView(
                r.Seq, r.Timestamp, r.Event, r.RiskLevel, r.EngineVersion, r.SessionRef, r.Turn, r.PrevHash, r.Hash))]));
    }

    private static async Task<Ok<AuditVerifyResponse>> VerifyAuditAsync(IClusterClient cluster, ClusterCalls calls, CancellationToken ct)
    {
        var result = await calls.RunAsync(() => cluster.GetGrain<IAdminGrain>(0).VerifyAuditAsync(), idempotent: true, ct);
        return TypedResults.Ok(new AuditVerifyResponse(result.Valid, result.Records, result.FirstBad));
    }

    private static async Task<Results<Ok<CleanupResponse>, ProblemResult>> CleanupAsync(string? inactive_hours, IClusterClient cluster, ClusterCalls calls, CancellationToken ct)
    {
        var hours = 24.0;
        if (inactive_hours is not null &&
            (!double.TryParse(inactive_hours, NumberStyles.Float, CultureInfo.InvariantCulture, out hours) || hours <= 0 || hours > 24 * 365))
        {
            return Problems.Validation("inactive_hours must be a positive number of hours");
        }

        var removed = await calls.RunAsync(
            () => cluster.GetGrain<IAdminGrain>(0).CleanupAsync(TimeSpan.FromHours(hours)), idempotent: true, ct);
        return TypedResults.Ok(new CleanupResponse(removed));
    }
}
