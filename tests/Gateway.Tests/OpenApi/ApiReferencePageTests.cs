using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;

namespace TrtOrleans.Gateway.Tests.OpenApi;

/// <summary>The Scalar API reference page: on in Development (the test host's environment), off elsewhere unless
/// Gateway:ApiReference=true; its script comes from the gateway itself.</summary>
public sealed partial class ApiReferencePageTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    [Fact]
    public async Task In_development_the_page_is_served_with_its_script_from_the_gateway()
    {
        var client = factory.CreateClient();

        var page = await client.GetAsync("/scalar/");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var scripts = ScriptSource().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, src => Assert.False(src.StartsWith("http", StringComparison.OrdinalIgnoreCase), $"script from elsewhere: {src}"));
        foreach (var src in scripts)
        {
            var script = await client.GetAsync(new Uri(new Uri("http://localhost/scalar/"), src));
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        }
    }

    [Theory]
    [InlineData(null, HttpStatusCode.NotFound)]
    [InlineData("true", HttpStatusCode.OK)]
    public async Task Outside_development_the_page_is_opt_in(string? setting, HttpStatusCode expected)
    {
        await using var production = new ProductionGateway(setting);

        var client = production.CreateClient();

        Assert.Equal(expected, (await client.GetAsync("/scalar/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
    }

    [GeneratedRegex("<script[^>]*\\ssrc=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();

    private sealed class ProductionGateway(string? apiReference) : GatewayFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            if (apiReference is not null)
            {
                builder.UseSetting("Gateway:ApiReference", apiReference);
            }
        }
    }
}
