using System.Net;
using Microsoft.AspNetCore.Hosting;
using TrtOrleans.TestSupport;

namespace TrtOrleans.Gateway.Tests;

/// <summary>The OllamaSharp path end to end: gateway → grain → engine → a fake Ollama speaking the real wire format.
/// A good answer is used; every failure falls back to the deterministic reply and the turn still succeeds.</summary>
public sealed class OllamaGatewayTests(OllamaGatewayTests.Factory factory) : IClassFixture<OllamaGatewayTests.Factory>
{
    public sealed class Factory : GatewayFactory
    {
        public FakeOllamaServer Ollama { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("OLLAMA_BASE_URL", Ollama.BaseUri.ToString());
            builder.UseSetting("Llm:CallTimeoutSeconds", "1");
            builder.UseSetting("Llm:BreakerFailures", "1000"); // keep the breaker out of these tests
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Ollama.DisposeAsync();
        }
    }

    private const string LlmReply = "That sounds like a lot to carry. How would you like to feel instead?";

    [Fact]
    public async Task AValidLlmReplyIsUsedAndTheResponseSaysSo()
    {
        factory.Ollama.Responder = r => r.Path == "/api/chat" ? FakeOllamaServer.Chat(LlmReply) : FakeOllamaServer.DefaultResponse(r);

        var body = await SendAsync("Hi. Work has been a lot lately.");

        Assert.Equal(LlmReply, body.GetProperty("therapist_response").GetString());
        Assert.Contains("reply: llm", body.GetProperty("navigation").GetProperty("reasoning").GetString());
    }

    [Theory]
    [InlineData("http_500")]
    [InlineData("slow")]
    [InlineData("filtered")]
    public async Task AnyLlmFailureFallsBackToTheDeterministicReplyAndTheTurnSucceeds(string failure)
    {
        factory.Ollama.Responder = r => r.Path != "/api/chat" ? FakeOllamaServer.DefaultResponse(r) : failure switch
        {
            "http_500" => FakeOllamaServer.Error(500),
            "slow" => FakeOllamaServer.Chat(LlmReply, TimeSpan.FromSeconds(4)),
            _ => FakeOllamaServer.Chat("You might have an anxiety disorder; medication could help. How do you feel?"),
        };

        var body = await SendAsync("Hi. Work has been a lot lately.");

        var reply = body.GetProperty("therapist_response").GetString();
        Assert.False(string.IsNullOrWhiteSpace(reply));
        Assert.NotEqual(LlmReply, reply);
        Assert.DoesNotContain("medication", reply);
        Assert.Contains("reply fallback:", body.GetProperty("navigation").GetProperty("reasoning").GetString());
        Assert.Equal(1, body.GetProperty("turn").GetInt32());
    }

    [Fact]
    public async Task CrisisTurnsNeverCallTheLlm()
    {
        factory.Ollama.Responder = FakeOllamaServer.DefaultResponse;
        var before = factory.Ollama.ChatRequests.Count;

        var body = await SendAsync("I want to end my life tonight");

        Assert.True(body.GetProperty("safety").GetProperty("crisis").GetBoolean());
        Assert.Equal(before, factory.Ollama.ChatRequests.Count);
    }

    [Fact]
    public async Task HealthReportsOllamaFromItsTagsEndpoint()
    {
        factory.Ollama.Responder = FakeOllamaServer.DefaultResponse;

        var health = await (await factory.CreateClient().GetAsync("/health")).JsonAsync();

        Assert.Equal("healthy", health.GetProperty("services").GetProperty("ollama").GetString());
    }

    private async Task<System.Text.Json.JsonElement> SendAsync(string text)
    {
        var response = await factory.CreateClient().PostJsonAsync("/api/v1/input", new { session_id = Http.NewId(), user_input = text });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }
}
