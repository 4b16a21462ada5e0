using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace TrtOrleans.Silo.Telemetry;

/// <summary>OpenTelemetry for gateways and silos: traces of HTTP requests, outgoing HTTP (Ollama), grain calls and
/// grain storage when an OTLP endpoint is configured; metrics of ASP.NET Core, HttpClient, Orleans and the product
/// always (Prometheus at /metrics, and OTLP when configured). Span attributes are the
/// instrumentations' own (routes, status codes, grain ids, storage names): request and reply bodies are never read.</summary>
public static class TelemetryHosting
{
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddTrtTelemetry(this WebApplicationBuilder builder, string defaultServiceName)
    {
        var settings = Settings(builder.Configuration);
        var otlp = OtlpTarget(builder.Configuration, settings);
        builder.Services.Configure<TelemetrySettings>(builder.Configuration.GetSection(TelemetrySettings.Section));

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(settings.ServiceName ?? defaultServiceName))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(TelemetrySources.Meters)
                .AddPrometheusExporter());
        if (otlp is { } target)
        {
            // Traces only when they go somewhere: with a listener every request and grain call creates and fills
            // spans (gateway, both sides of the grain call, storage), which costs CPU on every turn for nothing
            // when no exporter is configured. Metrics stay on for /metrics.
            otel.WithTracing(t => t
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsProbeOrScrape(http.Request.Path))
                    .AddHttpClientInstrumentation()
                    .AddSource(TelemetrySources.ActivitySources))
                .UseOtlpExporter(target.Protocol, target.Endpoint);
        }

        if (settings.MetricsUrl is { Length: > 0 } metricsUrl)
        {
            // Kestrel listens on the configured URLs plus the metrics address.
            var urls = builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey);
            builder.WebHost.UseUrls([.. (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries), metricsUrl]);
        }

        return builder;
    }

    /// <summary>Maps the Prometheus scrape endpoint: on the separate metrics address when one is configured (open
    /// there), otherwise on the main port behind <paramref name="protect"/> (an admin check).</summary>
    public static IEndpointConventionBuilder MapTrtMetrics(
        this WebApplication app, Func<IEndpointConventionBuilder, IEndpointConventionBuilder> protect)
    {
        var endpoint = app.MapPrometheusScrapingEndpoint(MetricsPath);
        return Settings(app.Configuration).MetricsUrl is { Length: > 0 } metricsUrl
            ? endpoint.RequireHost($"*:{new Uri(metricsUrl.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal)).Port}")
            : protect(endpoint);
    }

    internal static (OtlpExportProtocol Protocol, Uri Endpoint)? OtlpTarget(IConfiguration configuration, TelemetrySettings settings)
    {
        var endpoint = NonEmpty(settings.OtlpEndpoint) ?? NonEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (endpoint is null)
        {
            return null;
        }

        var protocol = NonEmpty(settings.OtlpProtocol) ?? NonEmpty(configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]) ?? "grpc";
        return protocol switch
        {
            "grpc" => (OtlpExportProtocol.Grpc, new Uri(endpoint)),
            "http/protobuf" => (OtlpExportProtocol.HttpProtobuf, new Uri(endpoint)),
            _ => throw new InvalidOperationException(
                $"Telemetry:OtlpProtocol (or OTEL_EXPORTER_OTLP_PROTOCOL) must be \"grpc\" or \"http/protobuf\", not \"{protocol}\"."),
        };
    }

    private static TelemetrySettings Settings(IConfiguration configuration) =>
        configuration.GetSection(TelemetrySettings.Section).Get<TelemetrySettings>() ?? new TelemetrySettings();

    /// <summary>Health probes and scrapes run every few seconds; tracing them would bury the turns.</summary>
    private static bool IsProbeOrScrape(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments(MetricsPath);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
