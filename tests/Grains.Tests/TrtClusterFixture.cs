using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using StackExchange.Redis;
using TrtOrleans.Grains.Persistence;
using TrtOrleans.Silo.Hosting;
using TrtOrleans.TestSupport;

namespace TrtOrleans.Grains.Tests;

/// <summary>A test cluster of real silos on a real redis-server (its own logical database), with a fake clock shared
/// by every silo. One per test class; <see cref="RestartAllSilosAsync"/> replaces every silo with new ones on the same
/// storage, as after a full restart.</summary>
public class TrtClusterFixture : IAsyncLifetime
{
    private static readonly ConcurrentDictionary<string, FakeTimeProvider> Clocks = new();

    private readonly string _id = Guid.NewGuid().ToString("N")[..12];

    public TestCluster Cluster { get; private set; } = null!;

    public RedisServer Redis => RedisServer.Shared;

    public int Database { get; private set; }

    public string RedisUrl { get; private set; } = "";

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    public string ServiceId => $"trt-test-{_id}";

    /// <summary>The test key ring's primary key (base64 of 32 bytes): tests run with encryption at rest on.</summary>
    public const string TestKey = TestKeyRing.Key;

    /// <summary>The product's key names in this cluster (default prefix from the ServiceId, default shards).</summary>
    public RedisKeyspace Keys => RedisKeyspace.From(new StorageOptions(), ServiceId);

    public virtual IDatabase Db => Redis.Admin.GetDatabase(Database);

    /// <summary>Every key this cluster's Redis holds (SCAN, never KEYS).</summary>
    public virtual List<string> ScanKeys(string pattern = "*") => RedisKeys.Scan(Redis, Database, pattern);

    /// <summary>True: Orleans membership lives in Redis too (Microsoft.Orleans.Clustering.Redis, silos and client),
    /// instead of the test host's in-memory membership.</summary>
    protected virtual bool RedisMembership => false;

    protected virtual short InitialSilos => 1;

    /// <summary>Extra configuration for the silos (e.g. a higher rate limit for load tests).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        RedisUrl = await PrepareRedisAsync();
        Clocks[_id] = Clock;
        Cluster = await DeployAsync();
    }

    public async Task RestartAllSilosAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        Cluster = await DeployAsync();
    }

    /// <summary>The REDIS_URL of the silos: by default a fresh logical database of the shared redis-server.</summary>
    protected virtual Task<string> PrepareRedisAsync()
    {
        Database = Redis.AllocateDatabase();
        return Task.FromResult(Redis.Url(Database));
    }

    public virtual async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        Clocks.TryRemove(_id, out _);
    }

    private async Task<TestCluster> DeployAsync()
    {
        var builder = new TestClusterBuilder(InitialSilos);
        builder.Options.ServiceId = ServiceId;
        builder.Properties["TrtTest:ClockId"] = _id;
        builder.Properties["REDIS_URL"] = RedisUrl;
        if (RedisMembership)
        {
            builder.Options.UseTestClusterMembership = false;
            builder.Properties["TrtTest:RedisMembership"] = "true";
            builder.AddClientBuilderConfigurator<RedisMembershipClient>();
        }

        builder.Properties["Sessions:RateLimit"] = "10";
        builder.Properties[TestKeyRing.Setting.Key] = TestKeyRing.Setting.Value;
        builder.Properties["Audit:SessionRefKey"] = "test-session-reference-key-0123456789abcdef";
        foreach (var (key, value) in Settings)
        {
            builder.Properties[key] = value!;
        }

        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>The cluster denies calls without a caller identity; the tests call as the gateway does with
    /// authentication off (the local developer scope, every role) unless a test sets its own caller or asks for none.</summary>
    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client) =>
            client.AddOutgoingGrainCallFilter(context =>
            {
                if (!TestCaller.Anonymous.Value && CallerContext.ClientId is null)
                {
                    CallerContext.Set(SessionKey.LocalClient, isAdmin: true);
                }

                return context.Invoke();
            });
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddTrt(silo.Configuration, clustering: false);
            if (silo.Configuration.GetValue<bool>("TrtTest:RedisMembership"))
            {
                silo.UseRedisClustering(o => o.ConfigurationOptions = Persistence.RedisUrl.Parse(silo.Configuration["REDIS_URL"]!));
            }

            var clockId = silo.Configuration["TrtTest:ClockId"]!;
            silo.Services.AddSingleton<TimeProvider>(Clocks[clockId]);
            if (silo.Configuration.GetValue<bool>("TrtTest:AuditFaults"))
            {
                silo.Services.AddSingleton<Safety.RedisAuditTrail>();
                silo.Services.AddSingleton<Safety.IAuditTrail>(sp => new FaultInjectingAuditTrail(sp.GetRequiredService<Safety.RedisAuditTrail>()));
            }

            if (silo.Configuration.GetValue<bool>("TrtTest:FaultInjection"))
            {
                // Wrap the real Redis store so a test can make a session's next commit or erase fail.
                silo.Services.AddSingleton<RedisSessionStore>();
                silo.Services.AddSingleton<ISessionStore>(sp =>
                    new FaultInjectingSessionStore(sp.GetRequiredService<RedisSessionStore>()));
            }
        }
    }

    private sealed class RedisMembershipClient : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client) =>
            client.UseRedisClustering(o => o.ConfigurationOptions = Persistence.RedisUrl.Parse(configuration["REDIS_URL"]!));
    }
}
