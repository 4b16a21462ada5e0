using System.Globalization;
using TrtOrleans.Gateway.Http;
using TrtOrleans.Grains.Interfaces;

namespace TrtOrleans.Gateway.Apis;

/// <summary>Admin endpoints of api.md (admin key required).</summary>
public static class AdminApi
{
    public const int MaxListLimit = 1000;

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(GatewayAuth.AdminPolicy);
        api.MapGet("/sessions", ListAsync);
        api.MapGet("/analytics/daily/{date}", DailyAsync);
        api.MapPost("/admin/cleanup", CleanupAsync);
        api.MapGet("/admin/cluster", ClusterAsync);
        api.MapGet("/admin/audit", AuditAsync);
        api.MapGet("/admin/audit/verify", VerifyAuditAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(string? limit, string? active_within_minutes, IClusterClient cluster, ClusterCalls calls, CancellationToken ct)
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
        return Results.Json(
            new { total_sessions = listing.TotalSessions, sessions = listing.Sessions, timestamp = DateTimeOffset.UtcNow },
            GatewayJson.Options);
    }

    private static async Task<IResult> DailyAsync(string date, IClusterClient cluster, ClusterCalls calls, TimeProvider time, CancellationToken ct)
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
        return Results.Json(
            new
            {
                date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                total_inputs = daily?.TotalInputs ?? 0,
                sessions_created = daily?.SessionsCreated ?? 0,
                events = daily?.Events ?? [],
            },
            GatewayJson.Options);
    }

    /// <summary>Active silos and how many session grains each one hosts (operators; the failover tests).</summary>
    private static async Task<IResult> ClusterAsync(IClusterClient cluster, ClusterCalls calls, CancellationToken ct)
    {
        var management = cluster.GetGrain<Orleans.Runtime.IManagementGrain>(0);
        var hosts = await calls.RunAsync(() => management.GetHosts(onlyActive: true), idempotent: true, ct);
        var sessionsBySilo = await calls.RunAsync(
            () => cluster.GetGrain<IAdminGrain>(0).GetSessionActivationsBySiloAsync(), idempotent: true, ct);
        var silos = hosts.Keys
            .Select(a => new { address = a.ToString(), session_activations = sessionsBySilo.GetValueOrDefault(a.ToString()) })
            .ToArray();
        return Results.Json(new { silos, timestamp = DateTimeOffset.UtcNow }, GatewayJson.Options);
    }

    /// <summary>A session's crisis audit records. The session is named as its client knows it: session_id plus
    /// client_id (the client whose scope it is in; default: the caller's own scope, the only one without keys).</summary>
    private static async Task<IResult> AuditAsync(
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

        return Results.Json(new
        {
            session_ref = found.SessionRef,
            records = found.Records.Select(r => new
            {
                seq = r.Seq,
                timestamp = r.Timestamp,
                @event = r.Event,
                risk_level = r.RiskLevel,
                engine_version = r.EngineVersion,
                session_ref = r.SessionRef,
                turn = r.Turn,
                prev_hash = r.PrevHash,
                hash = r.Hash,
            }),
        }, GatewayJson.Options);
    }

    private static async Task<IResult> VerifyAuditAsync(IClusterClient cluster, ClusterCalls calls, CancellationToken ct)
    {
        var result = await calls.RunAsync(() => cluster.GetGrain<IAdminGrain>(0).VerifyAuditAsync(), idempotent: true, ct);
        return result.FirstBad is { } bad
            ? Results.Json(new { valid = result.Valid, records = result.Records, first_bad = bad }, GatewayJson.Options)
            : Results.Json(new { valid = result.Valid, records = result.Records }, GatewayJson.Options);
    }

    private static async Task<IResult> CleanupAsync(string? inactive_hours, IClusterClient cluster, ClusterCalls calls, CancellationToken ct)
    {
        var hours = 24.0;
        if (inactive_hours is not null &&
            (!double.TryParse(inactive_hours, NumberStyles.Float, CultureInfo.InvariantCulture, out hours) || hours <= 0 || hours > 24 * 365))
        {
            return Problems.Validation("inactive_hours must be a positive number of hours");
        }

        var removed = await calls.RunAsync(
            () => cluster.GetGrain<IAdminGrain>(0).CleanupAsync(TimeSpan.FromHours(hours)), idempotent: true, ct);
        return Results.Json(new { removed }, GatewayJson.Options);
    }
}
