using Orleans.Dashboard;
using TrtOrleans.Gateway.Apis;
using TrtOrleans.Gateway.Hosting;
using TrtOrleans.Gateway.Http;
using TrtOrleans.Silo.Hosting;
using TrtOrleans.Silo.Telemetry;

var builder = WebApplication.CreateBuilder(args);
var clusterClient = builder.AddTrtClusterOrEmbeddedSilo(client => client.AddGatewayCountChangedHandler(
    sp => (_, e) => sp.GetRequiredService<GatewayLossSignal>().GatewayCountChanged(e.NumberOfConnectedGateways, e.PreviousNumberOfConnectedGateways)));
builder.AddGatewayHttp();
builder.AddTrtTelemetry("trt-gateway");
var app = builder.Build();
if (StartupChecks.CheckPorts(app, "trt-gateway", hostsSilo: !clusterClient) is { } exitCode)
{
    return exitCode;
}

app.UseGatewayHttp();
app.MapHealthApi();
app.MapSessionApi();
app.MapAdminApi();
app.MapOrleansDashboard("/dashboard").RequireAuthorization(GatewayAuth.AdminPolicy);
app.MapTrtMetrics(metrics => metrics.RequireAuthorization(GatewayAuth.AdminPolicy));
return await StartupChecks.RunAsync(app, "trt-gateway");

/// <summary>Entry point, visible to WebApplicationFactory in the functional tests.</summary>
public partial class Program;
