using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.TestingHost;
using TrtOrleans.Silo.Hosting;

namespace TrtOrleans.Grains.Tests;

/// <summary>Orleans over mutual TLS with certificates the test generates: two silos and a client on real TCP sockets
/// serve sessions; a client without a certificate of the cluster's CA is refused.</summary>
public sealed class ClusterTlsTests : IAsyncLifetime
{
    private readonly TestCertificates _certificates = TestCertificates.Create();
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.Properties["Orleans:Tls:CertificatePath"] = _certificates.CertificatePath;
        builder.Properties["Orleans:Tls:KeyPath"] = _certificates.KeyPath;
        builder.Properties["Orleans:Tls:CaCertificatePath"] = _certificates.CaPath;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        _certificates.Dispose();
    }

    [Fact]
    public async Task SessionsAreServedByTwoSilosAndAClientOverMutualTls()
    {
        Assert.Equal(2, _cluster.GetActiveSilos().Count());
        var hosts = await _cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        Assert.Equal(2, hosts.Count);

        for (var i = 0; i < 8; i++)
        {
            var grain = _cluster.Client.GetGrain<ISessionGrain>($"tls_{i}_{Guid.NewGuid():N}");
            var reply = await grain.SendInputAsync(SessionPersistenceTests.Input("Hi, work has been a lot"));
            Assert.Equal(InputStatus.Processed, reply.Status);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AClientWithoutACertificateOfTheClusterCaIsRefused(bool otherCa)
    {
        var gateway = _cluster.Primary!.GatewayAddress!.Endpoint;
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client =>
        {
            client.UseStaticClustering(gateway);
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = _cluster.Options.ClusterId;
                o.ServiceId = _cluster.Options.ServiceId;
            });
            if (otherCa)
            {
                client.UseTrtTls(new TlsSettings
                {
                    CertificatePath = _certificates.OtherCertificatePath,
                    KeyPath = _certificates.OtherKeyPath,
                    CaCertificatePath = _certificates.OtherCaPath, // it trusts its own CA; the cluster does not
                });
            }
        });
        using var host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        // Refused means no grain call ever succeeds: the handshake fails and the client gives up or keeps retrying.
        var refused = await Record.ExceptionAsync(async () =>
        {
            await host.StartAsync(timeout.Token);
            await host.Services.GetRequiredService<IClusterClient>().GetGrain<ISessionGrain>("tls_intruder").GetStatusAsync().WaitAsync(timeout.Token);
        });

        Assert.NotNull(refused);
    }

    [Fact]
    public void ACertificateNotIssuedByTheConfiguredCaStopsTheStartWithOneLine()
    {
        var error = Assert.Throws<StartupCheckException>(() => new HostApplicationBuilder().UseOrleansClient(c => c.UseTrtTls(new TlsSettings
        {
            CertificatePath = _certificates.OtherCertificatePath,
            KeyPath = _certificates.OtherKeyPath,
            CaCertificatePath = _certificates.CaPath,
        })));

        Assert.Contains("is not issued by the CA", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo) => silo.AddTrt(silo.Configuration, clustering: false);
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client)
        {
            client.UseTrtTls(configuration.GetSection(TlsSettings.Section).Get<TlsSettings>()!);
            client.AddOutgoingGrainCallFilter(context =>
            {
                CallerContext.Set(SessionKey.LocalClient, isAdmin: true);
                return context.Invoke();
            });
        }
    }
}
