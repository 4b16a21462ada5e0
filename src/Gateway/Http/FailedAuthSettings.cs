namespace TrtOrleans.Gateway.Http;

/// <summary>Limit on failed authentications per source address (section "Gateway:AuthFailures").</summary>
public sealed class FailedAuthSettings
{
    public const string Section = "Gateway:AuthFailures";

    /// <summary>Failures allowed within <see cref="Window"/>; the next request from that source answers 429.</summary>
    public int MaxFailures { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
