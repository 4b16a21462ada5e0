using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace TrtOrleans.Silo.Hosting;

/// <summary>Liveness and readiness of a silo process for load balancers and Kubernetes probes.</summary>
public static class SiloHealth
{
    public static IServiceCollection AddSiloHealthChecks(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapSiloHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => TypedResultsOk("alive"));
        app.MapGet("/health/ready", async (IServiceProvider sp) =>
        {
            // The web server starts after the silo's hosted service, so answering at all means the silo is up;
            // what is left to check is the storage it depends on.
            if (sp.GetService<IConnectionMultiplexer>() is { } redis && !await PingAsync(redis))
            {
                return Results.Json(new { status = "not_ready", reason = "redis_unreachable" }, statusCode: 503);
            }

            return TypedResultsOk("ready");
        });
        return app;
    }

    private static IResult TypedResultsOk(string status) => Results.Json(new { status });

    private static async Task<bool> PingAsync(IConnectionMultiplexer redis)
    {
        try
        {
            await redis.GetDatabase().PingAsync();
            return true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return false;
        }
    }
}
