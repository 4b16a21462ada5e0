namespace TrtOrleans.Grains.Admin;

public static class HealthValues
{
    public const string Healthy = "healthy";
    public const string Unhealthy = "unhealthy";
    public const string NotConfigured = "not_configured";
}
