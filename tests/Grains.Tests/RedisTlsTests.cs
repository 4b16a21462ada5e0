using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using StackExchange.Redis;
using TrtOrleans.Silo.Hosting;
using TrtOrleans.TestSupport;

namespace TrtOrleans.Grains.Tests;

/// <summary>The product against a TLS-only redis-server (no plain port) that requires the ACL user and rules shipped
/// in deploy/redis-acl-rules, with certificates the test generates: a whole conversation works; a wrong password or an
/// untrusted certificate stops the start with one clear line.</summary>
public sealed class RedisTlsTests : IAsyncLifetime
{
    private const string Password = "tls-test-password-3f9a";

    private readonly TestCertificates _certificates = TestCertificates.Create();
    private readonly string _dataDir = Directory.CreateTempSubdirectory("trt-redis-tls-").FullName;
    private readonly int _port = FreePort.Next();
    private Process _redis = null!;

    private string Url(string password) => $"rediss://trt:{password}@localhost:{_port}/0";

    public async Task InitializeAsync()
    {
        var rules = File.ReadAllText(Path.Combine(RepoRoot(), "deploy", "redis-acl-rules")).Trim();
        var start = new ProcessStartInfo("redis-server") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var arg in new[]
        {
            "--port", "0", "--tls-port", _port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--tls-cert-file", _certificates.CertificatePath, "--tls-key-file", _certificates.KeyPath,
            "--tls-ca-cert-file", _certificates.CaPath, "--tls-auth-clients", "no",
            "--save", "", "--appendonly", "no", "--dir", _dataDir,
            "--user", "default", "off", "--user", "trt", "on", $">{Password}",
        }.Concat(rules.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
        {
            start.ArgumentList.Add(arg);
        }

        _redis = Process.Start(start)!;
        _redis.OutputDataReceived += (_, _) => { };
        _redis.BeginOutputReadLine();
        var options = Options(Url(Password));
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync(options);
                await probe.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException) when (attempt < 100 && !_redis.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    public Task DisposeAsync()
    {
        _redis.Kill();
        _redis.WaitForExit();
        Directory.Delete(_dataDir, recursive: true);
        _certificates.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AConversationRunsAgainstTlsOnlyRedisAsTheAclUser()
    {
        var builder = new TestClusterBuilder(1);
        builder.Properties["REDIS_URL"] = Url(Password);
        builder.Properties["Redis:CaCertificatePath"] = _certificates.CaPath;
        builder.Properties[TestKeyRing.Setting.Key] = TestKeyRing.Setting.Value;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<CallerConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        try
        {
            var id = "tlsredis_" + Guid.NewGuid().ToString("N")[..8];
            var grain = cluster.Client.GetGrain<ISessionGrain>(id);
            Assert.True((await grain.SendInputAsync(SessionPersistenceTests.Input("Hi, work has been a lot", "r1"))).Response is not null);
            Assert.Equal(InputStatus.Replayed, (await grain.SendInputAsync(SessionPersistenceTests.Input("Hi, work has been a lot", "r1"))).Status);
            Assert.True((await grain.SendInputAsync(SessionPersistenceTests.Input("I want to kill myself"))).Response!.Safety.Crisis);
            Assert.Equal(2, (await grain.GetStatusAsync())!.TurnCount);
            Assert.Equal(2, (await grain.GetHistoryAsync(10))!.Exchanges.Length);
            var admin = cluster.Client.GetGrain<IAdminGrain>(0);
            Assert.Contains((await admin.ListSessionsAsync(10, null)).Sessions, s => s.SessionId == id);
            Assert.NotEmpty((await admin.ReadAuditAsync(id, 10)).Records);
            Assert.True((await admin.VerifyAuditAsync()).Valid);
            await admin.CleanupAsync(TimeSpan.FromHours(24));
            Assert.True(await grain.EraseAsync());
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public void AWrongPasswordStopsTheStartWithOneClearLine()
    {
        var error = Assert.Throws<StartupCheckException>(() => RedisConnection.VerifyAccess(Options(Url("not-the-password"))));

        Assert.Contains("password in REDIS_URL was rejected", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain("not-the-password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUntrustedServerCertificateStopsTheStartWithOneClearLine()
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Redis:CaCertificatePath"] = _certificates.OtherCaPath })
            .Build();

        var error = Assert.Throws<StartupCheckException>(() => RedisConnection.VerifyAccess(RedisConnection.Options(config, Url(Password))));

        Assert.Contains("TLS handshake failed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void APlainTextConnectionIsNotPossible()
    {
        var plain = RedisUrl(false);

        Assert.ThrowsAny<RedisException>(() => ConnectionMultiplexer.Connect(plain).GetDatabase().Ping());
    }

    private ConfigurationOptions RedisUrl(bool tls)
    {
        var options = Persistence.RedisUrl.Parse(tls ? Url(Password) : $"redis://trt:{Password}@localhost:{_port}/0");
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = 2000;
        return options;
    }

    private ConfigurationOptions Options(string url)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Redis:CaCertificatePath"] = _certificates.CaPath })
            .Build();
        var options = RedisConnection.Options(config, url);
        options.AbortOnConnectFail = true;
        return options;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TrtOrleans.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo) => silo.AddTrt(silo.Configuration, clustering: false);
    }

    private sealed class CallerConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client) =>
            client.AddOutgoingGrainCallFilter(context =>
            {
                CallerContext.Set(SessionKey.LocalClient, isAdmin: true);
                return context.Invoke();
            });
    }
}
