using TrtOrleans.Silo.Hosting;
using TrtOrleans.Silo.Telemetry;

namespace TrtOrleans.Silo;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            return await RunAsync(args);
        }
        catch (StartupCheckException ex)
        {
            // One clear line for the operator, no stack trace.
            await Console.Error.WriteLineAsync($"trt-silo: {ex.Message}");
            return 2;
        }
    }

    private static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls("http://127.0.0.1:8190"); // health endpoints; explicit, never a default port
        }

        builder.AddTrtSilo();
        builder.AddTrtTelemetry("trt-silo");
        builder.Services.AddSiloHealthChecks();
        var app = builder.Build();
        if (StartupChecks.CheckPorts(app, "trt-silo", hostsSilo: true) is { } exitCode)
        {
            return exitCode;
        }

        app.MapSiloHealth();
        app.MapTrtMetrics(metrics => metrics.RequireAdminKey(app.Configuration));
        return await StartupChecks.RunAsync(app, "trt-silo");
    }
}
