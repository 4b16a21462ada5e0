using Microsoft.Extensions.AI;
using OllamaSharp;
using TrtOrleans.Engine.Tests.Fakes;

namespace TrtOrleans.Engine.Tests.Llm;

/// <summary>The fake must stay faithful to what OllamaSharp sends and parses, or the other tests prove nothing.</summary>
public class FakeOllamaServerTests
{
    [Fact]
    public async Task NonStreamingChatIsWhatOllamaSharpSendsForGetResponse()
    {
        await using var server = new FakeOllamaServer();
        server.Responder = _ => FakeOllamaServer.Chat("Hello there.");
        using var client = new OllamaApiClient(server.BaseUri, "llama3.1");

        var response = await ((IChatClient)client).GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]);

        Assert.Equal("Hello there.", response.Text);
        var request = server.ChatRequests.Single().Json!;
        Assert.False(request["stream"]!.GetValue<bool>());
        Assert.Equal("user", request["messages"]![0]!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task StreamingChatIsServedAsNdjsonChunks()
    {
        await using var server = new FakeOllamaServer();
        server.Responder = _ => FakeOllamaServer.Chat("A streamed answer in several chunks.");
        using var client = new OllamaApiClient(server.BaseUri, "llama3.1");

        var updates = new List<string>();
        await foreach (var update in ((IChatClient)client).GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")]))
        {
            updates.Add(update.Text);
        }

        Assert.True(updates.Count > 2);
        Assert.Equal("A streamed answer in several chunks.", string.Concat(updates));
        Assert.True(server.ChatRequests.Single().Json!["stream"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ModelEchoingTheMarkerInItsReasoningDoesNotLeakIt()
    {
        await using var kit = new LlmTestKit();
        kit.Server.Responder = request =>
        {
            var token = System.Text.RegularExpressions.Regex.Match(request.Body, "<<<CLIENT_([0-9a-f]{16})>>>").Groups[1].Value;
            return FakeOllamaServer.Chat(LlmTestKit.NavJson(reasoning: $"saw <<<CLIENT_{token}>>> text"));
        };

        var outcome = await kit.Advisor.ChooseNavigationAsync(LlmTestKit.Navigation(), CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.DoesNotContain("<<<", outcome.Reasoning);
        Assert.DoesNotContain("CLIENT_", outcome.Reasoning);
    }
}
