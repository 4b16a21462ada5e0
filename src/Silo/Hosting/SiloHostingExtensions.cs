using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Storage;
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
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var redisUrl = ClusterSettings.RedisConnectionString(configuration);
        var keyRing = StorageEncryptionCheck.Load(storage.Encryption, redis: redisUrl is not null);
        var services = silo.Services;

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SessionOptions>().Bind(configuration.GetSection(SessionOptions.Section));
        services.AddTrtEngine(configuration);
        services.AddSiloSettingsValidation(configuration);
        services.AddSingleton<AnalyticsRecorder>();
        services.AddOptions<AuditOptions>().Bind(configuration.GetSection(AuditOptions.Section));
        services.AddSingleton<SessionReference>();
        services.AddSingleton<AuditOutbox>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, AnalyticsFlusher>();

        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section));
        services.AddSingleton(sp => RedisKeyspace.From(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
        services.AddSingleton(sp =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new SessionCodec(storage.CompressionLevel, keyRing, storage.RecordCompressionLevel);
        });
        services.AddSingleton<SessionHistoryReader>();
        services.AddKeyedSingleton<IGrainStorage>(StorageNames.Sessions, (sp, _) => ActivatorUtilities.CreateInstance<SessionGrainStorage>(sp));
        if (keyRing is null)
        {
            services.AddHostedService<PlaintextStorageWarning>(); // only the in-memory developer mode gets here
        }

        if (redisUrl is not null)
        {
            var redis = RedisConnection.Options(configuration, redisUrl);
            RedisConnection.VerifyAccess(redis);
            AddRedisServices(services, redis, storage.MigrateLegacyLayout);
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

            silo.UseRedisReminderService(o => o.ConfigurationOptions = redis.Clone());
        }
        else
        {
            AddInMemoryServices(services);
            if (clustering)
            {
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, null, cluster.ServiceId, cluster.ClusterId);
            }

            silo.UseInMemoryReminderService();
        }

        var tls = configuration.GetSection(TlsSettings.Section).Get<TlsSettings>() ?? new TlsSettings();
        if (tls.Enabled)
        {
            silo.UseTrtTls(tls);
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
        DashboardSettings.From(configuration).AddTo(silo);
        silo.AddTrtSiloTelemetry();
        silo.AddStartupTask(static (sp, _) =>
            sp.GetRequiredService<IGrainFactory>().GetGrain<ICleanupGrain>(0).EnsureScheduledAsync());
        return silo;
    }

    private static void AddRedisServices(IServiceCollection services, ConfigurationOptions redis, bool migrateLegacy)
    {
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis.Clone()));
        services.AddSingleton<ISessionStore, RedisSessionStore>();
        if (migrateLegacy)
        {
            services.AddSingleton(sp => new LegacySessionLayout(
                sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
        }

        services.AddSingleton<ISessionIndex>(sp => new RedisSessionIndex(
            sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<RedisKeyspace>(), migrateLegacy));
        services.AddSingleton(sp => new RetrievalCacheMac(sp.GetRequiredService<SessionCodec>().Ring, sp.GetRequiredService<RedisKeyspace>()));
        services.AddSingleton<IAnalyticsStore, RedisAnalyticsStore>();
        services.AddSingleton<IAuditTrail, RedisAuditTrail>();
        services.AddSingleton<IRetrievalCache, RedisRetrievalCache>();
        services.AddSingleton<IStorageAvailability, RedisStorageAvailability>();
    }

    private static void AddInMemoryServices(IServiceCollection services)
    {
        services.AddSingleton<InMemorySessionIndex>();
        services.AddSingleton<ISessionIndex>(sp => sp.GetRequiredService<InMemorySessionIndex>());
        services.AddSingleton<ISessionStore, InMemorySessionStore>();
        services.AddSingleton<IAnalyticsStore, InMemoryAnalyticsStore>();
        services.AddSingleton<IAuditTrail, InMemoryAuditTrail>();
        services.AddSingleton<IStorageAvailability, InMemoryStorageAvailability>();
    }
}
