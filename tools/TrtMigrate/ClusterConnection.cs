using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using StackExchange.Redis;

namespace TrtOrleans.Tools.Migrate;

/// <summary>An Orleans client of the target cluster (Redis membership, the same ids the silos use).</summary>
public static class ClusterConnection
{
    public static async Task<IHost> ConnectAsync(string redisUrl, string clusterId, string serviceId, CancellationToken cancellationToken = default)
    {
        var redis = ParseRedis(redisUrl);
        var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(l => l.ClearProviders().AddFilter(_ => false)) // the progress bar owns the console
            .UseOrleansClient(client =>
            {
                client.UseRedisClustering(o => o.ConfigurationOptions = redis);
                client.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = clusterId;
                    o.ServiceId = serviceId;
                });
            })
            .Build();
        await host.StartAsync(cancellationToken);
        return host;
    }

    public static IClusterClient Client(this IHost host) => host.Services.GetRequiredService<IClusterClient>();

    /// <summary>redis://[[user]:password@]host:port[/db], rediss:// for TLS, or a StackExchange.Redis string.</summary>
    public static ConfigurationOptions ParseRedis(string value)
    {
        if (!value.StartsWith("redis://", StringComparison.OrdinalIgnoreCase) && !value.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase))
        {
            return ConfigurationOptions.Parse(value);
        }

        var uri = new Uri(value);
        var options = new ConfigurationOptions { Ssl = uri.Scheme.Equals("rediss", StringComparison.OrdinalIgnoreCase) };
        options.EndPoints.Add(uri.Host, uri.Port > 0 ? uri.Port : 6379);
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            options.User = parts.Length == 2 && parts[0].Length > 0 ? Uri.UnescapeDataString(parts[0]) : null;
            options.Password = Uri.UnescapeDataString(parts[^1]);
        }

        if (uri.AbsolutePath.Trim('/') is { Length: > 0 } db)
        {
            options.DefaultDatabase = int.Parse(db, System.Globalization.CultureInfo.InvariantCulture);
        }

        return options;
    }
}
