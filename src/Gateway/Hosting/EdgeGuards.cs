using Microsoft.Extensions.Options;
using TrtOrleans.Gateway.Http;

namespace TrtOrleans.Gateway.Hosting;

/// <summary>The request filters of the edge that run before authentication: DNS-rebinding defence in the no-keys
/// mode, the failed-authentication block, the dashboard's grain-state view, and the CORS allow-list.</summary>
public static class EdgeGuards
{
    /// <summary>Dashboard API routes that return grain state (conversation text): never served.</summary>
    private static readonly string[] BlockedDashboardPaths = ["/dashboard/GrainState"];

    public static IServiceCollection AddEdgeGuards(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FailedAuthSettings>(configuration.GetSection(FailedAuthSettings.Section));
        services.Configure<CorsSettings>(configuration.GetSection(CorsSettings.Section)); // for its start-up validation
        services.AddSingleton<FailedAuthLimiter>();
        var cors = configuration.GetSection(CorsSettings.Section).Get<CorsSettings>() ?? new CorsSettings();
        if (cors.AllowedOrigins.Count > 0)
        {
            services.AddCors(o => o.AddPolicy(CorsSettings.PolicyName, p => p
                .WithOrigins([.. cors.AllowedOrigins])
                .WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Delete)
                .WithHeaders("Content-Type", GatewayAuth.HeaderName, "Idempotency-Key")));
        }

        return services;
    }

    public static WebApplication UseEdgeGuards(this WebApplication app)
    {
        var authOn = app.Services.GetRequiredService<IOptions<AuthSettings>>().Value.IsEnabled;
        var limiter = app.Services.GetRequiredService<FailedAuthLimiter>();
        app.Use((context, next) =>
        {
            // Without keys anything that can reach the port is trusted, so only requests addressed to this machine by
            // name are: a hostile web page whose own name resolves to 127.0.0.1 sends its own name as Host.
            if (!authOn && !EdgeChecks.IsLoopbackHost(context.Request.Host))
            {
                return Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "bad_request",
                    "Without API keys the gateway only answers requests addressed to localhost");
            }

            if (!context.Request.Path.StartsWithSegments("/health") && limiter.BlockedFor(FailedAuthLimiter.SourceOf(context)) is { } wait)
            {
                return Problems.WriteAsync(context, StatusCodes.Status429TooManyRequests, "rate_limited",
                    "Too many failed authentication attempts from this address; retry later", TimeSpan.FromSeconds(wait));
            }

            if (BlockedDashboardPaths.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            {
                // Grain state holds conversation text; the dashboard shows statistics only.
                return Problems.WriteAsync(context, StatusCodes.Status404NotFound, "not_found", "Grain state is not shown by this dashboard");
            }

            return next(context);
        });
        if ((app.Configuration.GetSection(CorsSettings.Section).Get<CorsSettings>()?.AllowedOrigins.Count ?? 0) > 0)
        {
            app.UseCors(CorsSettings.PolicyName);
        }

        return app;
    }
}
