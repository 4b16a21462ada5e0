using Orleans.Runtime;
using TrtOrleans.Gateway.Http;
using TrtOrleans.Grains.Interfaces;

namespace TrtOrleans.Gateway.Apis;

/// <summary>/health (api.md's report), /health/live and /health/ready (load balancers, Kubernetes).</summary>
public static class HealthApi
{
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    /// <summary>A Redis round trip slower than this makes /health "degraded" (turns still work, slowly).</summary>
    public const double SlowRedisMs = 250;

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", HealthAsync).AllowAnonymous();
        app.MapGet("/health/live", () => Results.Json(new { status = "alive" })).AllowAnonymous();
        app.MapGet("/health/ready", ReadyAsync).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> HealthAsync(IClusterClient cluster, IConfiguration configuration)
    {
        var (silo, silos) = await ProbeAsync(cluster);
        var expected = configuration.GetValue("Gateway:ExpectedSilos", 1);
        var clusterState = silos == 0 ? "unhealthy" : "healthy";
        var status = silo is null || silo.Redis == "unhealthy" || silos == 0
            ? "unhealthy"
            : silo.Rag != "healthy" || silo.StateMachine != "healthy" || silos < expected || silo.RedisPingMs > SlowRedisMs
                ? "degraded"
                : "healthy";
        var body = new
        {
            status,
            timestamp = DateTimeOffset.UtcNow,
            services = new
            {
                redis = silo?.Redis ?? "unhealthy",
                ollama = silo?.Ollama ?? "unhealthy",
                rag = silo?.Rag ?? "unhealthy",
                state_machine = silo?.StateMachine ?? "unhealthy",
                cluster = clusterState,
            },
            silos,
        };
        return Results.Json(body, GatewayJson.Options, statusCode: status == "unhealthy" ? 503 : 200);
    }

    private static async Task<IResult> ReadyAsync(IClusterClient cluster)
    {
        var (silo, silos) = await ProbeAsync(cluster);
        // Ready means "can route to the cluster". A Redis outage is not a reason to leave the load balancer: the
        // gateway then answers 503 with Retry-After itself, which clients handle better than a dropped connection.
        var ready = silo is not null && silos > 0;
        return ready
            ? Results.Json(new { status = "ready" })
            : Problems.Unavailable("Not ready: no silo of the cluster is reachable", TimeSpan.FromSeconds(2));
    }

    private static async Task<(SiloHealthReport? Silo, int ActiveSilos)> ProbeAsync(IClusterClient cluster)
    {
        try
        {
            var report = cluster.GetGrain<IHealthGrain>(0).CheckAsync().WaitAsync(ProbeTimeout);
            var hosts = cluster.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(ProbeTimeout);
            return (await report, (await hosts).Count);
        }
        catch (Exception)
        {
            return (null, 0);
        }
    }
}
