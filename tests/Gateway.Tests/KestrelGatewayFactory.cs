using Microsoft.AspNetCore.Hosting;
using TrtOrleans.TestSupport;

namespace TrtOrleans.Gateway.Tests;

/// <summary>The gateway of <see cref="GatewayFactory"/> on a real Kestrel socket (a free loopback port), for clients
/// outside the process such as a browser; with <c>secured</c>, also with its API keys.</summary>
public sealed class KestrelGatewayFactory : GatewayFactory
{
    private readonly bool _secured;

    public KestrelGatewayFactory(bool secured = false)
    {
        _secured = secured;
        BaseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        UseKestrel();
    }

    public string BaseUrl { get; }

    protected override bool WithKeys => _secured;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("urls", BaseUrl);
    }
}
