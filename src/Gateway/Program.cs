using Orleans.Dashboard;
using TrtOrleans.Gateway.Apis;
using TrtOrleans.Gateway.Hosting;
using TrtOrleans.Gateway.Http;
using TrtOrleans.Gateway.Web;
using TrtOrleans.Silo.Hosting;
using TrtOrleans.Silo.Telemetry;

var builder = WebApplication.CreateBuilder(args);
bool clusterClient;
try
{
    builder.AddGatewayHttp(); // first: its start-up checks refuse a bad configuration before anything starts
    clusterClient = builder.AddTrtClusterOrEmbeddedSilo(client => client.AddGatewayCountChangedHandler(
        sp => (_, e) => sp.GetRequiredService<GatewayLossSignal>().GatewayCountChanged(e.NumberOfConnectedGateways, e.PreviousNumberOfConnectedGateways)));
    builder.Services.AddGatewayOpenApi();
    builder.Services.AddGatewaySettingsValidation();
}
catch (Exception ex) when (ex is GatewayStartupException or StartupCheckException && System.Reflection.Assembly.GetEntryAssembly() == typeof(Program).Assembly)
{
    // One clear line for the operator, no stack trace (the functional tests' host sees the exception itself).
    Console.Error.WriteLine($"trt-gateway: {ex.Message}");
    return 2;
}

builder.AddTrtTelemetry("trt-gateway");
var app = builder.Build();
if (StartupChecks.CheckPorts(app, "trt-gateway", hostsSilo: !clusterClient) is { } exitCode)
{
    return exitCode;
}

app.UseGatewayHttp();
app.UseChatPage();
app.MapGatewayOpenApi();
app.MapHealthApi();
app.MapSessionApi();
app.MapAdminApi();
if (DashboardSettings.From(app.Configuration).Enabled)
{
    app.MapOrleansDashboard("/dashboard").RequireAuthorization(GatewayAuth.AdminPolicy).ExcludeFromDescription();
}

app.MapTrtMetrics(metrics => metrics.RequireAuthorization(GatewayAuth.AdminPolicy));
return await StartupChecks.RunAsync(app, "trt-gateway");

/// <summary>Entry point, visible to WebApplicationFactory in the functional tests.</summary>
public partial class Program;
