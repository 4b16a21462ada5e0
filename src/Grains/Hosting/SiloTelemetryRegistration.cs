using Microsoft.Extensions.DependencyInjection;

namespace TrtOrleans.Grains.Hosting;

public static class SiloTelemetryRegistration
{
    /// <summary>Trace context through grain calls (a gateway's request, the grain call and its storage writes form
    /// one trace) and the product's session meter. Activities are only created while a listener (an exporter) exists.</summary>
    public static ISiloBuilder AddTrtSiloTelemetry(this ISiloBuilder silo)
    {
        silo.AddActivityPropagation();
        silo.Services.AddMetrics();
        silo.Services.AddSingleton<SessionMetrics>();
        silo.AddIncomingGrainCallFilter<SessionMetricsFilter>();
        return silo;
    }
}
