namespace TrtOrleans.Silo.Telemetry;

/// <summary>Where telemetry goes (configuration section "Telemetry"). Nothing is exported unless an OTLP endpoint is
/// set here or in the standard OTEL_EXPORTER_OTLP_ENDPOINT variable; the Prometheus scrape endpoint is always there.</summary>
public sealed class TelemetrySettings
{
    public const string Section = "Telemetry";

    /// <summary>OTLP collector base address, e.g. http://otel-collector:4317. Overrides OTEL_EXPORTER_OTLP_ENDPOINT.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>"grpc" (default, port 4317) or "http/protobuf" (port 4318). Falls back to OTEL_EXPORTER_OTLP_PROTOCOL.</summary>
    public string? OtlpProtocol { get; set; }

    /// <summary>Serve /metrics on this extra address only (e.g. http://0.0.0.0:9464), without authentication, for a
    /// scraper on an internal network. Unset: /metrics is on the main port and needs an admin key when keys are set.</summary>
    public string? MetricsUrl { get; set; }

    /// <summary>The service.name resource attribute; the default names the role (trt-gateway, trt-silo).</summary>
    public string? ServiceName { get; set; }
}
