using System.Net;
using TrtOrleans.Grains.Persistence;

namespace TrtOrleans.Grains.Tests;

public sealed class RedisUrlTests
{
    [Fact]
    public void PlainUrlGivesHostPortAndDatabase()
    {
        var options = RedisUrl.Parse("redis://cache.internal:6390/3");

        var endpoint = Assert.IsType<DnsEndPoint>(Assert.Single(options.EndPoints));
        Assert.Equal(("cache.internal", 6390), (endpoint.Host, endpoint.Port));
        Assert.Equal(3, options.DefaultDatabase);
        Assert.False(options.Ssl);
        Assert.Null(options.Password);
        Assert.False(options.AbortOnConnectFail);
    }

    [Fact]
    public void PasswordAndUserAreDecodedAndRedissMeansTls()
    {
        var options = RedisUrl.Parse("rediss://app:pa%3Ass%40w%2Frd@10.0.0.5:6380");

        Assert.True(options.Ssl);
        Assert.Equal("app", options.User);
        Assert.Equal("pa:ss@w/rd", options.Password);
    }

    [Fact]
    public void PasswordOnlyFormAndDefaultPort()
    {
        var options = RedisUrl.Parse("redis://:secret@localhost");

        Assert.Equal("secret", options.Password);
        Assert.Null(options.User);
        var endpoint = Assert.IsType<DnsEndPoint>(Assert.Single(options.EndPoints));
        Assert.Equal(6379, endpoint.Port);
    }

    [Fact]
    public void ConfigurationStringsAreAcceptedToo()
    {
        var options = RedisUrl.Parse("127.0.0.1:6399,password=x");

        Assert.Equal("x", options.Password);
        Assert.Single(options.EndPoints);
    }

    [Fact]
    public void ACommaSeparatedListGivesEveryClusterSeedWithTheSharedPassword()
    {
        var options = RedisUrl.Parse("redis://:p%40ss@10.0.0.1:7000,10.0.0.2:7001,redis://10.0.0.3:7002/0");

        Assert.Equal("p@ss", options.Password);
        Assert.Equal(0, options.DefaultDatabase);
        Assert.Equal(
            new[] { "10.0.0.1:7000", "10.0.0.2:7001", "10.0.0.3:7002" },
            options.EndPoints.Select(e => e switch
            {
                DnsEndPoint d => $"{d.Host}:{d.Port}",
                IPEndPoint i => $"{i.Address}:{i.Port}",
                _ => e.ToString()!,
            }));
    }

    [Fact]
    public void AConfigurationStringWithSeveralEndpointsKeepsThemAll()
    {
        var options = RedisUrl.Parse("127.0.0.1:7000,127.0.0.1:7001,127.0.0.1:7002");

        Assert.Equal(3, options.EndPoints.Count);
    }
}
