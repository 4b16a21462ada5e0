namespace TrtOrleans.Silo.Hosting;

/// <summary>Cluster identity and ports (configuration section "Orleans"). Every value is explicit: two clusters with
/// the same ids on one Redis would join each other, and default ports collide on a shared host.</summary>
public sealed class ClusterSettings
{
    public const string Section = "Orleans";

    public string ClusterId { get; set; } = "trt";

    public string ServiceId { get; set; } = "trt-orleans";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    public string AdvertisedIp { get; set; } = "127.0.0.1";

    /// <summary>Run under Kubernetes hosting (pod identity and membership from the Kubernetes API).</summary>
    public bool Kubernetes { get; set; }

    /// <summary>Grain call timeout. Must exceed the slowest turn: the LLM turn budget (35 s) plus storage writes.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>Failure detection: a silo killed with SIGKILL is declared dead after about
    /// ProbeTimeout × NumMissedProbesLimit (≈ 4 s on loopback).</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    public int NumMissedProbesLimit { get; set; } = 2;

    public static string? RedisConnectionString(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        NonEmpty(configuration["REDIS_URL"]) ?? NonEmpty(configuration["Redis:ConnectionString"]);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
