namespace TrtOrleans.Silo.Telemetry;

/// <summary>The activity sources and meters a TRT process exports.</summary>
public static class TelemetrySources
{
    /// <summary>Grain calls, application grain code and grain storage (Orleans' own sources; "Lifecycle" and
    /// "DurableJobs" are left out: activations and timers would drown the turn traces).</summary>
    public static readonly string[] ActivitySources =
    [
        "Microsoft.Orleans.Runtime",
        "Microsoft.Orleans.Application",
        "Microsoft.Orleans.Storage",
        "TrtOrleans.*",
    ];

    /// <summary>Orleans' meter and the product's meters (sessions, LLM, retrieval).</summary>
    public static readonly string[] Meters =
    [
        "Microsoft.Orleans",
        "TrtOrleans.*",
    ];
}
