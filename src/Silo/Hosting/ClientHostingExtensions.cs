using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using TrtOrleans.Grains.Persistence;
using Orleans.Dashboard;

namespace TrtOrleans.Silo.Hosting;

public static class ClientHostingExtensions
{
    /// <summary>Connects the host to a TRT cluster when REDIS_URL (or Redis:ConnectionString) is set; otherwise runs
    /// an in-process silo (the embedded developer default, or Gateway:EmbeddedSilo). Returns true when a cluster client was configured.</summary>
    public static bool AddTrtClusterOrEmbeddedSilo(this IHostApplicationBuilder builder, Action<IClientBuilder>? configureClient = null)
    {
        var redisUrl = ClusterSettings.RedisConnectionString(builder.Configuration);
        // Gateway:EmbeddedSilo=true co-hosts a silo with the API also on Redis (a single-process deployment).
        if (redisUrl is null || builder.Configuration.GetValue<bool>("Gateway:EmbeddedSilo"))
        {
            builder.AddTrtSilo();
            return false;
        }

        // The Orleans client waits for a silo before its start completes; starting the hosted services together opens
        // the HTTP port meanwhile, so /health can say what is missing (503) instead of the port staying closed.
        builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);
        builder.Services.AddHostedService<NoSiloHint>();
        builder.Services.AddClusterSettingsValidation(builder.Configuration);
        var cluster = builder.Configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings();
        var redis = RedisConnection.Options(builder.Configuration, redisUrl);
        RedisConnection.VerifyAccess(redis);
        var tls = builder.Configuration.GetSection(TlsSettings.Section).Get<TlsSettings>() ?? new TlsSettings();
        builder.UseOrleansClient(client =>
        {
            if (tls.Enabled)
            {
                client.UseTrtTls(tls);
            }

            client.UseRedisClustering(o => o.ConfigurationOptions = redis.Clone());
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = cluster.ResponseTimeout);
            // Refresh the gateway list quickly so a killed silo stops being used within seconds.
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
            var dashboard = DashboardSettings.From(builder.Configuration);
            if (dashboard.Enabled)
            {
                client.AddDashboard(dashboard.Apply);
            }

            client.AddActivityPropagation(); // the trace of a request continues into the grains
            configureClient?.Invoke(client);
        });
        return true;
    }
}
