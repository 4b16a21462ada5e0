using Orleans.Dashboard;
using TrtOrleans.Gateway.Apis;
using TrtOrleans.Gateway.Hosting;
using TrtOrleans.Gateway.Http;
using TrtOrleans.Gateway.Web;
using TrtOrleans.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
try
{
    builder.AddGatewayHttp(); // first: its start-up checks refuse a bad configuration before anything starts
    builder.AddTrtClusterOrEmbeddedSilo(client => client.AddGatewayCountChangedHandler(
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

var app = builder.Build();
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

app.Run();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the functional tests.</summary>
public partial class Program;
