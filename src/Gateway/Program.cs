using Orleans.Dashboard;
using TrtOrleans.Gateway.Apis;
using TrtOrleans.Gateway.Hosting;
using TrtOrleans.Gateway.Http;
using TrtOrleans.Gateway.Web;
using TrtOrleans.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddTrtClusterOrEmbeddedSilo(client => client.AddGatewayCountChangedHandler(
    sp => (_, e) => sp.GetRequiredService<GatewayLossSignal>().GatewayCountChanged(e.NumberOfConnectedGateways, e.PreviousNumberOfConnectedGateways)));
builder.AddGatewayHttp();
builder.Services.AddGatewayOpenApi();
builder.Services.AddGatewaySettingsValidation();

var app = builder.Build();
app.UseGatewayHttp();
app.UseChatPage();
app.MapGatewayOpenApi();
app.MapHealthApi();
app.MapSessionApi();
app.MapAdminApi();
app.MapOrleansDashboard("/dashboard").RequireAuthorization(GatewayAuth.AdminPolicy).ExcludeFromDescription();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the functional tests.</summary>
public partial class Program;
