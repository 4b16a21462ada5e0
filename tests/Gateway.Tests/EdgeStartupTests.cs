using TrtOrleans.Gateway.Hosting;

namespace TrtOrleans.Gateway.Tests;

/// <summary>Start-up checks of the edge: without keys no endpoint other than loopback, however configured; key
/// configuration validated with one clear message.</summary>
public sealed class EdgeStartupTests
{
    [Theory]
    [InlineData("urls", "http://0.0.0.0:8090")]
    [InlineData("urls", "http://127.0.0.1:8091;http://*:8092")]
    [InlineData("ASPNETCORE_URLS", "http://+:8093")]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://0.0.0.0:8094")]
    [InlineData("Kestrel:Endpoints:Public:Url", "http://10.1.2.3:8095")]
    [InlineData("http_ports", "8096")]
    public void WithoutKeysAnyNonLoopbackEndpointRefusesToStart(string setting, string value)
    {
        using var factory = new ConfiguredGatewayFactory(keys: false, new Dictionary<string, string?> { [setting] = value });

        var error = Assert.Throws<GatewayStartupException>(() => factory.CreateClient());

        Assert.Contains("refusing to start", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("urls", "http://127.0.0.1:8090;http://localhost:8091;http://[::1]:8092")]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://127.0.0.1:8094")]
    public async Task WithoutKeysLoopbackEndpointsStart(string setting, string value)
    {
        using var factory = new ConfiguredGatewayFactory(keys: false, new Dictionary<string, string?> { [setting] = value });

        Assert.Equal(System.Net.HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task WithKeysTheGatewayMayListenOnEveryInterface()
    {
        using var factory = new ConfiguredGatewayFactory(keys: true, new Dictionary<string, string?> { ["urls"] = "http://0.0.0.0:8090" });

        Assert.Equal(System.Net.HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/health/live")).StatusCode);
    }

    [Theory]
    [InlineData("Auth:Keys:1:Sha256", "ABCDEF", "Auth:Keys:1:Sha256 must be")]
    [InlineData("Auth:Keys:1:Role", "superuser", "Auth:Keys:1:Role must be")]
    [InlineData("Auth:Keys:2:ClientId", "app~b", "Auth:Keys:2:ClientId must be")]
    [InlineData("Auth:Keys:2:ClientId", "", "Auth:Keys:2:ClientId must be")]
    public void ABadKeyEntryStopsTheStartWithOneLineNamingIt(string setting, string value, string expected)
    {
        using var factory = new ConfiguredGatewayFactory(keys: true, new Dictionary<string, string?> { [setting] = value });

        var error = Assert.Throws<GatewayStartupException>(() => factory.CreateClient());

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void AKeyConfiguredTwiceStopsTheStart()
    {
        using var factory = new ConfiguredGatewayFactory(keys: true, new Dictionary<string, string?>
        {
            ["Auth:Keys:3:ClientId"] = "app-c",
            ["Auth:Keys:3:Role"] = "client",
            ["Auth:Keys:3:Sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("client-key-a"u8)),
        });

        var error = Assert.Throws<GatewayStartupException>(() => factory.CreateClient());

        Assert.Contains("repeats an earlier key", error.Message, StringComparison.Ordinal);
    }
}
