using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using TrtOrleans.Gateway.Http;
using TrtOrleans.Grains.Interfaces;

namespace TrtOrleans.Gateway.Hosting;

public static partial class GatewayHosting
{
    public const string DefaultUrl = "http://127.0.0.1:8090";

    /// <summary>HTTP plumbing of the gateway: JSON, auth, per-client limit, body limit, error mapping.</summary>
    public static WebApplicationBuilder AddGatewayHttp(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var auth = configuration.GetSection(AuthSettings.Section).Get<AuthSettings>() ?? new AuthSettings();
        EdgeChecks.ValidateKeys(auth);
        // docs/api.md: with no keys configured, authentication is off, so the gateway listens on loopback only (the same
        // idea as Redis's protected mode): any other configured endpoint, however configured, stops the start.
        EdgeChecks.RequireLoopbackWithoutKeys(configuration, auth);
        if (EdgeChecks.ConfiguredEndpoints(configuration).Count == 0)
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = JsonBody.MaxBytes + 1);
        builder.Services.ConfigureHttpJsonOptions(o => GatewayJson.Apply(o.SerializerOptions));
        builder.Services.TryAddTimeProvider();
        builder.Services.AddGatewayAuth(configuration);
        builder.Services.AddEdgeGuards(configuration);
        builder.Services.AddSingleton<GatewayLossSignal>();
        builder.Services.AddSingleton<ClusterCalls>();
        builder.Services.Configure<ClientLimitSettings>(configuration.GetSection(ClientLimitSettings.Section));
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) => Problems.WriteAsync(
                context.HttpContext, 429, "rate_limited", "Too many requests from this client; retry later", TimeSpan.FromSeconds(10)) is var t ? new ValueTask(t) : default;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (http.Request.Path.StartsWithSegments("/health"))
                {
                    return RateLimitPartition.GetNoLimiter("health"); // probes of load balancers and Kubernetes
                }

                var settings = http.RequestServices.GetRequiredService<IOptions<ClientLimitSettings>>().Value;
                var partition = GatewayAuth.ClientIdOf(http) ?? http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.PermitsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
        builder.Services.AddProblemDetails();
        return builder;
    }

    public static WebApplication UseGatewayHttp(this WebApplication app)
    {
        // Behind the load balancer (nginx on loopback, or a proxy listed in ForwardedHeaders:KnownProxies) the caller's
        // address comes from X-Forwarded-For, so the per-client limit sees clients, not the proxy.
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        // SuppressDiagnosticsCallback: the middleware would log every 503 at Error with the whole exception; the
        // handler below logs one line with the exception's type instead.
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = HandleErrorAsync, SuppressDiagnosticsCallback = _ => true });
        app.UseStatusCodePages(context =>
            context.HttpContext.Response.HasStarted || context.HttpContext.Response.ContentLength is > 0
                ? Task.CompletedTask
                : Problems.WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode,
                    ErrorCode(context.HttpContext.Response.StatusCode), "Request could not be served"));
        app.UseEdgeGuards();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        // The caller's identity travels to the grains in the Orleans request context (ownership checks, which deny a
        // call without identity). With authentication off the one local developer is every role.
        app.Use((context, next) =>
        {
            var off = !AuthSettings.Enabled(context);
            CallerContext.Set(off ? SessionKey.LocalClient : GatewayAuth.ClientIdOf(context), off || GatewayAuth.IsAdmin(context));
            return next(context);
        });
        if (!app.Services.GetRequiredService<IOptions<AuthSettings>>().Value.IsEnabled)
        {
            LogAuthOff(app.Logger);
        }

        return app;
    }

    private static async Task HandleErrorAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("TrtOrleans.Gateway");
        if (error is BadHttpRequestException bad)
        {
            await Problems.WriteAsync(context, bad.StatusCode, ErrorCode(bad.StatusCode), "Request could not be read");
            return;
        }

        // Everything else that escapes a handler comes from the cluster or its storage (a silo gone, Redis away, a
        // timeout): the request may be retried. Only the exception's type is logged, never its text (the
        // middleware's own error log with the full exception is switched off in appsettings.json).
        LogDependencyFailure(logger, context.Request.Path, error?.GetType().Name ?? "unknown");
        await Problems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "service_unavailable",
            "The service is temporarily unavailable; retry shortly", TimeSpan.FromSeconds(2));
    }

    private static string ErrorCode(int status) => status switch
    {
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        _ => "error",
    };

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster call failed on {Path}: {Error}; answered 503")]
    private static partial void LogDependencyFailure(ILogger logger, string path, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No API keys configured: authentication is OFF. Listen on loopback only (developer default).")]
    private static partial void LogAuthOff(ILogger logger);
}
