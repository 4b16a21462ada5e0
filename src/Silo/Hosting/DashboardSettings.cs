using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;

namespace TrtOrleans.Silo.Hosting;

/// <summary>Configuration section <c>Dashboard</c>: whether a host carries the Orleans dashboard and how often its
/// counters refresh. Every silo of a cluster and the host that serves <c>/dashboard</c> must agree on
/// <see cref="Enabled"/> (the page reads the silos' dashboard grains).</summary>
public sealed class DashboardSettings
{
    public const string Section = "Dashboard";

    /// <summary>False removes the dashboard (its per-second sampling timers on every silo and the route).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Milliseconds between the silo's runtime-statistics samples (the dashboard's minimum is 1000).</summary>
    public int CounterUpdateIntervalMs { get; set; } = 1000;

    /// <summary>The dashboard's "silo counters" panel. Feeding it attaches an OpenTelemetry reader to every Orleans
    /// instrument of the silo and collects them all each second, including gauges whose cost grows with the number
    /// of activations (measured in docs/retrieval-quality.md: about +3 ms of CPU per second per 1,000 sessions, plus
    /// a fixed ~55 ms/s). Off by default: the rest of the dashboard (hosts, grain counts, method profile while the
    /// page is open) keeps working without it.</summary>
    public bool SiloCounters { get; set; }

    public static DashboardSettings From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<DashboardSettings>() ?? new DashboardSettings();

    /// <summary>The dashboard options every TRT host uses: no live log (it would stream client text), the
    /// configured sampling interval.</summary>
    public void Apply(DashboardOptions options)
    {
        options.HideTrace = true;
        options.CounterUpdateIntervalMs = Math.Max(1000, CounterUpdateIntervalMs);
    }

    /// <summary>Adds the dashboard to a silo; without <see cref="SiloCounters"/> the package's hosted service that
    /// runs the per-second OpenTelemetry collection is taken out again (it only feeds that panel).</summary>
    public void AddTo(ISiloBuilder silo)
    {
        if (!Enabled)
        {
            return;
        }

        silo.AddDashboard(Apply);
        if (!SiloCounters)
        {
            var collector = silo.Services.LastOrDefault(d => d.ServiceType == typeof(IHostedService)
                && d.ImplementationType?.FullName == "Orleans.Dashboard.DashboardHost");
            if (collector is not null)
            {
                silo.Services.Remove(collector);
            }
        }
    }
}
