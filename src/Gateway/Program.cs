using Orleans.Dashboard;
using TrtOrleans.Gateway.Apis;
using TrtOrleans.Gateway.Hosting;
using TrtOrleans.Gateway.Http;
using TrtOrleans.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddTrtClusterOrEmbeddedSilo(client => client.AddGatewayCountChangedHandler(
    sp => (_, e) => sp.GetRequiredService<GatewayLossSignal>().GatewayCountChanged(e.NumberOfConnectedGateways, e.PreviousNumberOfConnectedGateways)));
builder.AddGatewayHttp();

var app = builder.Build();
app.UseGatewayHttp();
app.MapHealthApi();
app.MapSessionApi();
app.MapAdminApi();
if (DashboardSettings.From(app.Configuration).Enabled)
{
    app.MapOrleansDashboard("/dashboard").RequireAuthorization(GatewayAuth.AdminPolicy);
}

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the functional tests.</summary>
public partial class Program;
