using System.Text.Json;

namespace TrtOrleans.Ops.Tests;

/// <summary>The default log levels the built gateway and silo ship with keep Orleans' noise out. (Polly's lines are
/// also checked in the output of a real start in <see cref="TelemetryTests"/>; the watchdog's spurious stall warning
/// only appears on a starved machine, so its filter is checked here.)</summary>
public sealed class LogDefaultsTests
{
    [Theory]
    [InlineData("Gateway", "Polly", "Error")]
    [InlineData("Gateway", "Orleans.Runtime.Watchdog", "Error")]
    [InlineData("Gateway", "Orleans.Messaging.GatewayManager", "Error")]
    [InlineData("Silo", "Polly", "Error")]
    [InlineData("Silo", "Orleans.Runtime.Watchdog", "Error")]
    public void Default_log_levels_filter_orleans_chatter(string project, string category, string level)
    {
        var dll = project == "Gateway" ? Binaries.Gateway : Binaries.Silo;
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(dll)!, "appsettings.json")));

        Assert.Equal(level, settings.RootElement.GetProperty("Logging").GetProperty("LogLevel").GetProperty(category).GetString());
    }
}
