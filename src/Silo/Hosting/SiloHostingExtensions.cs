using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using TrtOrleans.Grains.Persistence;
using Orleans.Dashboard;
using StackExchange.Redis;
using TrtOrleans.Grains;
using TrtOrleans.Grains.Admin;
using TrtOrleans.Grains.Analytics;
using TrtOrleans.Grains.Hosting;
using TrtOrleans.Grains.Index;
using TrtOrleans.Grains.Safety;
using TrtOrleans.Therapy.Contracts;
using SessionOptions = TrtOrleans.Grains.SessionOptions;

namespace TrtOrleans.Silo.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>Adds a TRT silo to the host. With REDIS_URL (or Redis:ConnectionString): Redis membership, Redis grain
    /// storage, Redis reminders and the Redis-backed session log, index, analytics, audit and retrieval cache.
    /// Without: the embedded developer mode — localhost clustering and in-memory everything.</summary>
    public static IHostApplicationBuilder AddTrtSilo(this IHostApplicationBuilder builder)
    {
        builder.UseOrleans(silo => silo.AddTrt(builder.Configuration));
        return builder;
    }

    /// <summary>Everything of a TRT silo on an Orleans silo builder. <paramref name="clustering"/> false leaves
    /// membership to the caller (the test host brings its own).</summary>
    public static ISiloBuilder AddTrt(this ISiloBuilder silo, IConfiguration configuration, bool clustering = true)
    {
        var cluster = configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings();
        var sessions = configuration.GetSection(SessionOptions.Section).Get<SessionOptions>() ?? new SessionOptions();
        var redisUrl = ClusterSettings.RedisConnectionString(configuration);
        var services = silo.Services;

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SessionOptions>().Bind(configuration.GetSection(SessionOptions.Section));
        services.AddTrtEngine(configuration);
        services.AddSiloSettingsValidation(configuration);
        services.AddSingleton<AnalyticsRecorder>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, AnalyticsFlusher>();

        var storageSerializer = new JsonGrainStorageSerializer();
        if (redisUrl is not null)
        {
            var redis = RedisUrl.Parse(redisUrl);
            AddRedisServices(services, redis);
            if (clustering)
            {
                silo.UseRedisClustering(o => o.ConfigurationOptions = redis.Clone());
                if (cluster.Kubernetes)
                {
                    silo.UseKubernetesHosting(); // pod IP, ports and identity come from the pod
                }
                else
                {
                    silo.Configure<EndpointOptions>(o =>
                    {
                        o.SiloPort = cluster.SiloPort;
                        o.GatewayPort = cluster.GatewayPort;
                        o.AdvertisedIPAddress = System.Net.IPAddress.Parse(cluster.AdvertisedIp);
                    });
                }
            }

            silo.AddRedisGrainStorage(StorageNames.Sessions, o => o.Configure(s =>
            {
                s.ConfigurationOptions = redis.Clone();
                s.DeleteStateOnClear = true;
                s.GrainStorageSerializer = storageSerializer;
                // Backstop only, longer than the grain's own 24 h expiry, which erases first (see SessionOptions).
                s.EntryExpiry = sessions.StorageBackstop;
            }));
            silo.UseRedisReminderService(o => o.ConfigurationOptions = redis.Clone());
        }
        else
        {
            AddInMemoryServices(services);
            if (clustering)
            {
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, null, cluster.ServiceId, cluster.ClusterId);
            }

            silo.AddMemoryGrainStorage(StorageNames.Sessions, o => o.GrainStorageSerializer = storageSerializer);
            silo.UseInMemoryReminderService();
        }

        if (clustering)
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
        }

        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = cluster.ProbeTimeout;
            o.NumMissedProbesLimit = cluster.NumMissedProbesLimit;
        });
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = cluster.ResponseTimeout);
        silo.AddDashboard(o => o.HideTrace = true);
        silo.AddStartupTask(static (sp, _) =>
            sp.GetRequiredService<IGrainFactory>().GetGrain<ICleanupGrain>(0).EnsureScheduledAsync());
        return silo;
    }

    private static void AddRedisServices(IServiceCollection services, ConfigurationOptions redis)
    {
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis.Clone()));
        services.AddSingleton<ISessionLog, RedisSessionLog>();
        services.AddSingleton<ISessionIndex, RedisSessionIndex>();
        services.AddSingleton<IAnalyticsStore, RedisAnalyticsStore>();
        services.AddSingleton<ISafetyAuditSink, RedisSafetyAuditSink>();
        services.AddSingleton<IRetrievalCache, RedisRetrievalCache>();
        services.AddSingleton<IStorageAvailability, RedisStorageAvailability>();
    }

    private static void AddInMemoryServices(IServiceCollection services)
    {
        services.AddSingleton<ISessionLog, InMemorySessionLog>();
        services.AddSingleton<ISessionIndex, InMemorySessionIndex>();
        services.AddSingleton<IAnalyticsStore, InMemoryAnalyticsStore>();
        services.AddSingleton<ISafetyAuditSink, InMemorySafetyAuditSink>();
        services.AddSingleton<IStorageAvailability, InMemoryStorageAvailability>();
    }
}
