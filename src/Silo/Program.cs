using TrtOrleans.Silo.Hosting;

namespace TrtOrleans.Silo;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            await RunAsync(args);
            return 0;
        }
        catch (StartupCheckException ex)
        {
            // One clear line for the operator, no stack trace.
            await Console.Error.WriteLineAsync($"trt-silo: {ex.Message}");
            return 2;
        }
    }

    private static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls("http://127.0.0.1:8190"); // health endpoints; explicit, never a default port
        }

        builder.AddTrtSilo();
        builder.Services.AddSiloHealthChecks();
        var app = builder.Build();
        app.MapSiloHealth();
        await app.RunAsync();
    }
}
