using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Runtime;
using TrtOrleans.Gateway.Apis.Contracts;
using TrtOrleans.Gateway.Http;
using TrtOrleans.Grains.Interfaces;

namespace TrtOrleans.Gateway.Apis;

/// <summary>/health (docs/api.md's report), /health/live and /health/ready (load balancers, Kubernetes).</summary>
public static class HealthApi
{
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    /// <summary>A Redis round trip slower than this makes /health "degraded" (turns still work, slowly).</summary>
    public const double SlowRedisMs = 250;

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", HealthAsync).AllowAnonymous().WithTags("health")
            .Produces<HealthReport>(StatusCodes.Status200OK)
            .Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Service health report")
            .WithDescription("200 when healthy or degraded, 503 (same body) when unhealthy. Clients of the original service abort unless status is \"healthy\".");
        app.MapGet("/health/live", () => TypedResults.Ok(new ProbeStatus("alive"))).AllowAnonymous().WithTags("health")
            .WithSummary("Liveness probe: the process answers");
        app.MapGet("/health/ready", ReadyAsync).AllowAnonymous().WithTags("health").WithApiErrors(503)
            .WithSummary("Readiness probe: a silo of the cluster answers");
        return app;
    }

    private static async Task<JsonHttpResult<HealthReport>> HealthAsync(IClusterClient cluster, IConfiguration configuration)
    {
        var (silo, silos) = await ProbeAsync(cluster);
        var expected = configuration.GetValue("Gateway:ExpectedSilos", 1);
        var clusterState = silo is null ? "unhealthy" : "healthy";
        var status = silo is null || silo.Redis == "unhealthy"
            ? "unhealthy"
            : silo.Rag != "healthy" || silo.StateMachine != "healthy" || silos < expected || silo.RedisPingMs > SlowRedisMs
                ? "degraded"
                : "healthy";
        var body = new HealthReport(
            status,
            DateTimeOffset.UtcNow,
            new HealthServices(
                silo?.Redis ?? "unhealthy",
                silo?.Ollama ?? "unhealthy",
                silo?.Rag ?? "unhealthy",
                silo?.StateMachine ?? "unhealthy",
                clusterState),
            silos,
            status != "unhealthy" ? null
                : silo is null ? TrtOrleans.Silo.Hosting.NoSiloHint.Reason : "session storage (Redis) is unreachable");
        return TypedResults.Json(body, GatewayJson.Options, statusCode: status == "unhealthy" ? 503 : 200);
    }

    private static async Task<Results<Ok<ProbeStatus>, ProblemResult>> ReadyAsync(IClusterClient cluster)
    {
        // Only the stateless health grain: any live silo answers it. The management grain is a single activation
        // that can sit on a silo that just died, which would take every gateway out of the load balancer at once.
        var ready = await CheckSiloAsync(cluster) is not null;
        return ready
            ? TypedResults.Ok(new ProbeStatus("ready"))
            : Problems.Unavailable("Not ready: no silo of the cluster is reachable", TimeSpan.FromSeconds(2));
    }

    private static async Task<(SiloHealthReport? Silo, int ActiveSilos)> ProbeAsync(IClusterClient cluster)
    {
        var report = CheckSiloAsync(cluster);
        var hosts = ActiveSilosAsync(cluster);
        return (await report, await hosts);
    }

    private static async Task<SiloHealthReport?> CheckSiloAsync(IClusterClient cluster)
    {
        try
        {
            return await cluster.GetGrain<IHealthGrain>(0).CheckAsync().WaitAsync(ProbeTimeout);
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>Active silos from the membership view, or -1 when the management grain cannot answer right now.</summary>
    private static async Task<int> ActiveSilosAsync(IClusterClient cluster)
    {
        try
        {
            return (await cluster.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(ProbeTimeout)).Count;
        }
        catch (Exception)
        {
            return -1;
        }
    }
}
