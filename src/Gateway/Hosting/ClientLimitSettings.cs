namespace TrtOrleans.Gateway.Hosting;

/// <summary>Per-client request limit at the gateway (section "Gateway:ClientLimit").</summary>
public sealed class ClientLimitSettings
{
    public const string Section = "Gateway:ClientLimit";

    /// <summary>Per API key (one client app, many users), else per caller IP. Generous: it stops a runaway client,
    /// while each session has its own limit of 10 inputs a minute in its grain.</summary>
    public int PermitsPerMinute { get; set; } = 6000;
}
