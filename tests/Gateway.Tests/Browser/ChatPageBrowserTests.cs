using Xunit.Abstractions;

namespace TrtOrleans.Gateway.Tests.Browser;

/// <summary>The chat page at "/" in a real browser: Debian's Chromium driven by playwright-core
/// (chat-page.e2e.mjs) against the gateway on a real socket, once open (the developer default) and once with API keys
/// configured. Screenshots are kept under Browser/artifacts/{open,secured}.</summary>
public sealed class ChatPageBrowserTests(ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Page_loads_a_conversation_reaches_psycho_education_and_a_crisis_shows_the_resources(bool secured)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install -y chromium (.ci/run installs it)");
        await NodeScript.EnsurePackagesAsync();
        await using var gateway = new KestrelGatewayFactory(secured);
        gateway.StartServer();
        var artifacts = Path.Combine(NodeScript.Folder, "artifacts", secured ? "secured" : "open");
        var environment = new Dictionary<string, string>
        {
            ["BASE_URL"] = gateway.BaseUrl,
            ["ARTIFACTS_DIR"] = artifacts,
            ["CHROMIUM_PATH"] = Chromium,
            ["API_KEY"] = secured ? GatewayFactory.ClientKeyA : "any-key-is-ignored-when-auth-is-off",
            ["API_KEY_REQUIRED"] = secured ? "1" : "0",
        };

        var (code, log) = await NodeScript.RunAsync("node", ["chat-page.e2e.mjs"], environment, TimeSpan.FromMinutes(3));

        output.WriteLine(log);
        output.WriteLine($"screenshot artifacts: {artifacts}");
        Console.WriteLine($"Chat page screenshots: {Path.Combine(artifacts, "chat-conversation.png")}, {Path.Combine(artifacts, "chat-crisis.png")}");
        Assert.True(code == 0, $"browser script failed (exit {code}):\n{log}");
        Assert.True(File.Exists(Path.Combine(artifacts, "chat-conversation.png")));
        Assert.True(File.Exists(Path.Combine(artifacts, "chat-crisis.png")));
    }
}
