namespace TrtOrleans.Gateway.Http;

/// <summary>Browser origins allowed to call the API cross-site (section "Gateway:Cors"). None by default: the API
/// is for client apps and servers, and a browser page of another origin gets no CORS headers at all.</summary>
public sealed class CorsSettings
{
    public const string Section = "Gateway:Cors";

    public const string PolicyName = "trt-allow-list";

    /// <summary>Exact origins such as "https://app.example.org" (scheme, host and port; no wildcards).</summary>
    public List<string> AllowedOrigins { get; set; } = [];
}
