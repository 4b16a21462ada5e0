using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using OllamaSharp;
using TrtOrleans.Engine.Tests.Fakes;
using TrtOrleans.Therapy.Contracts;
using TrtOrleans.Therapy.Llm;

namespace TrtOrleans.Engine.Tests.Llm;

/// <summary>Shared arrangements of the LLM tests: a fake Ollama, the real OllamaSharp client and an advisor.</summary>
internal sealed partial class LlmTestKit : IAsyncDisposable
{
    public static readonly NavigationOption Sensation = new(
        "body_symptoms_exploration", "body_symptoms_exploration", RagQueries.Sensation, "ask what the sensation is like");

    public static readonly NavigationOption General = new(
        "general_inquiry", "general_therapeutic_inquiry", RagQueries.GeneralApproach, "reflect and invite more");

    public static readonly NavigationOption Problem = new(
        "explore_problem", "problem_needs_exploration", RagQueries.ProblemConstruction, "ask what gets in the way");

    private readonly OllamaApiClient _client;

    public LlmTestKit(double callTimeoutSeconds = 5)
    {
        Server = new FakeOllamaServer();
        _client = new OllamaApiClient(Server.BaseUri, "llama3.1");
        Options = new OllamaOptions { BaseUrl = Server.BaseUri.ToString(), CallTimeoutSeconds = callTimeoutSeconds };
        Advisor = new OllamaLlmAdvisor(Options, _client, ContainsCrisisCue, Time);
    }

    public FakeOllamaServer Server { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));

    public OllamaOptions Options { get; }

    public OllamaLlmAdvisor Advisor { get; }

    public IChatClient ChatClient => _client;

    /// <summary>Stand-in for the crisis detector: any of a few cue phrases.</summary>
    public static bool ContainsCrisisCue(string text) =>
        new[] { "end your life", "kill yourself", "hurt yourself", "no reason to live" }
            .Any(cue => text.Contains(cue, StringComparison.OrdinalIgnoreCase));

    public static NavigationRequest Navigation(string clientText = "It just sits there, I guess.", int seed = 1234) => new(
        [Sensation, General, Problem],
        "substate=1.2_problem_and_body; goal_identified=true; body_question_count=1; pending=body_location",
        [new PromptExchange("I feel tense at work.", "Where do you notice that tension in your body?")],
        clientText,
        seed);

    public static PhrasingRequest Phrasing(
        string intent = "ask_location",
        bool isQuestion = true,
        bool isVision = false,
        IReadOnlyList<string>? requiredWords = null,
        string clientText = "I get this tightness before meetings.") => new(
        intent,
        "ask where in the body {emotion} is felt",
        "Where do you notice that tightness in your body?",
        new Dictionary<string, string> { ["emotion"] = "tightness" },
        requiredWords ?? [],
        ["Where do you notice that in your body?"],
        [new PromptExchange("Work has been a lot.", "What has been getting in the way of feeling calm?")],
        clientText,
        isQuestion,
        isVision,
        77);

    public static string NavJson(
        string decision = "general_inquiry",
        string situation = "general_therapeutic_inquiry",
        string? rag = "general_dr_q_approach",
        double confidence = 0.8,
        string reasoning = "client is vague; reflect and invite more") => new JsonObject
    {
        ["navigation_decision"] = decision,
        ["situation_type"] = situation,
        ["rag_query"] = rag,
        ["reasoning"] = reasoning,
        ["confidence"] = confidence,
    }.ToJsonString();

    public void ChatAnswers(string content, TimeSpan delay = default) =>
        Server.Responder = request => request.Path == "/api/chat"
            ? FakeOllamaServer.Chat(content, delay)
            : FakeOllamaServer.DefaultResponse(request);

    public void ChatFails(int status) =>
        Server.Responder = request => request.Path == "/api/chat"
            ? FakeOllamaServer.Error(status)
            : FakeOllamaServer.DefaultResponse(request);

    /// <summary>Text of the chat message with this role in the last recorded chat request.</summary>
    public string LastMessage(string role) =>
        Server.ChatRequests[^1].Json!["messages"]!.AsArray()
            .Single(m => m!["role"]!.GetValue<string>() == role)!["content"]!.GetValue<string>();

    /// <summary>The text between the CLIENT markers of the last user message, and the marker token.</summary>
    public (string Token, string Fenced) LastClientBlock()
    {
        var match = ClientBlock().Match(LastMessage("user"));
        Assert.True(match.Success, "the user message has a fenced CLIENT block");
        return (match.Groups["token"].Value, match.Groups["body"].Value);
    }

    public async ValueTask DisposeAsync()
    {
        Advisor.Dispose();
        _client.Dispose();
        await Server.DisposeAsync();
    }

    [GeneratedRegex(@"<<<CLIENT_(?<token>[0-9a-f]{16})>>>\n(?<body>.*?)\n<<<END_CLIENT_\k<token>>>>", RegexOptions.Singleline)]
    private static partial Regex ClientBlock();
}
