using System.Diagnostics;
using System.Text.Json.Nodes;
using TrtOrleans.Therapy.Llm;

namespace TrtOrleans.Engine.Tests.Llm;

public class NavigationCallTests
{
    [Fact]
    public async Task ValidAnswerIsUsedWithShortLlmReasoning()
    {
        await using var kit = new LlmTestKit();
        kit.ChatAnswers(LlmTestKit.NavJson());

        var outcome = await kit.Advisor.ChooseNavigationAsync(LlmTestKit.Navigation(), CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(LlmTestKit.General, outcome.Value);
        Assert.Equal("llm: client is vague; reflect and invite more", outcome.Reasoning);
        Assert.Null(outcome.FallbackReason);
    }

    [Fact]
    public async Task ReasoningIsCutTo200CharactersOnOneLine()
    {
        await using var kit = new LlmTestKit();
        kit.ChatAnswers(LlmTestKit.NavJson(reasoning: "line one\nline two " + new string('x', 290)));

        var outcome = await kit.Advisor.ChooseNavigationAsync(LlmTestKit.Navigation(), CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.StartsWith("llm: line one line two x", outcome.Reasoning);
        Assert.Equal("llm: ".Length + 200, outcome.Reasoning!.Length);
    }

    [Fact]
    public async Task AnswerWrappedInACodeFenceIsAccepted()
    {
        await using var kit = new LlmTestKit();
        kit.ChatAnswers("```json\n" + LlmTestKit.NavJson(decision: "explore_problem",
            situation: "problem_needs_exploration", rag: "dr_q_problem_construction") + "\n```");

        var outcome = await kit.Advisor.ChooseNavigationAsync(LlmTestKit.Navigation(), CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(LlmTestKit.Problem, outcome.Value);
    }

    [Fact]
    public async Task UnknownKeysAreIgnored()
    {
        await using var kit = new LlmTestKit();
        var json = JsonNode.Parse(LlmTestKit.NavJson())!.AsObject();
        json["current_substate"] = "stage_1_complete";
        json["next_state"] = "3.2_alpha_sequence";
        kit.ChatAnswers(json.ToJsonString());

        var outcome = await kit.Advisor.ChooseNavigationAsync(LlmTestKit.Navigation(), CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(LlmTestKit.General, outcome.Value);
    }

    [Fact]
    public async Task SlowAnswerBeyondTheCallTimeoutFallsBackPromptly()
    {
        await using var kit = new LlmTestKit(callTimeoutSeconds: 1);
        kit.ChatAnswers(LlmTestKit.NavJson(), delay: TimeSpan.FromSeconds(3));
        var clock = Stopwatch.StartNew();

        var outcome = await kit.Advisor.ChooseNavigationAsync(LlmTestKit.Navigation(), CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal("timeout", outcome.FallbackReason);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2.8), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task CallerCancellationReturnsCancelledWithoutThrowing()
    {
        await using var kit = new LlmTestKit();
        kit.ChatAnswers(LlmTestKit.NavJson(), delay: TimeSpan.FromSeconds(3));
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var outcome = await kit.Advisor.ChooseNavigationAsync(LlmTestKit.Navigation(), cts.Token);

        Assert.Equal("cancelled", outcome.FallbackReason);
        Assert.True(kit.Advisor.Available);
    }

    [Fact]
    public async Task ServerErrorFallsBackWithHttpError()
    {
        await using var kit = new LlmTestKit();
        kit.ChatFails(500);

        var outcome = await kit.Advisor.ChooseNavigationAsync(LlmTestKit.Navigation(), CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal("http_error", outcome.FallbackReason);
        Assert.Null(outcome.Value);
    }

    [Fact]
    public async Task UnreachableServerFallsBackWithHttpError()
    {
        var kit = new LlmTestKit();
        await kit.Server.DisposeAsync();

        var outcome = await kit.Advisor.ChooseNavigationAsync(LlmTestKit.Navigation(), CancellationToken.None);

        Assert.Equal("http_error", outcome.FallbackReason);
        await kit.DisposeAsync();
    }

    [Theory]
    [InlineData("{\"navigation_decision\": \"general_inquiry\",")]
    [InlineData("Sure! Here is my choice: {\"navigation_decision\":\"general_inquiry\"}")]
    [InlineData("[1, 2, 3]")]
    [InlineData("")]
    [InlineData("```json\n{}")]
    public async Task MalformedJsonFallsBackWithInvalidJson(string content)
    {
        await using var kit = new LlmTestKit();
        kit.ChatAnswers(content);

        var outcome = await kit.Advisor.ChooseNavigationAsync(LlmTestKit.Navigation(), CancellationToken.None);

        Assert.Equal("invalid_json", outcome.FallbackReason);
    }

    [Theory]
    [InlineData("navigation_decision")]
    [InlineData("situation_type")]
    [InlineData("rag_query")]
    [InlineData("reasoning")]
    [InlineData("confidence")]
    public async Task MissingKeyFallsBack(string key)
    {
        await using var kit = new LlmTestKit();
        var json = JsonNode.Parse(LlmTestKit.NavJson())!.AsObject();
        json.Remove(key);
        kit.ChatAnswers(json.ToJsonString());

        var outcome = await kit.Advisor.ChooseNavigationAsync(LlmTestKit.Navigation(), CancellationToken.None);

        Assert.Equal("missing_key", outcome.FallbackReason);
    }

    [Theory]
    [InlineData("close_session", "session_closing", null)]
    [InlineData("assess_readiness", "readiness_for_alpha", "dr_q_ready")]
    [InlineData("general_inquiry", "readiness_for_stage_2", "general_dr_q_approach")]
    [InlineData("general_inquiry", "general_therapeutic_inquiry", "dr_q_something_else")]
    public async Task ValueOutsideItsEnumFallsBack(string decision, string situation, string? rag)
    {
        await using var kit = new LlmTestKit();
        kit.ChatAnswers(LlmTestKit.NavJson(decision, situation, rag));

        var outcome = await kit.Advisor.ChooseNavigationAsync(LlmTestKit.Navigation(), CancellationToken.None);

        Assert.Equal("out_of_enum", outcome.FallbackReason);
    }

    [Theory]
    [InlineData("general_inquiry", "general_therapeutic_inquiry", "dr_q_sensation")]
    [InlineData("general_inquiry", "body_symptoms_exploration", "general_dr_q_approach")]
    [InlineData("explore_problem", "problem_needs_exploration", null)]
    public async Task TripleThatIsNotAnAllowedRowFallsBack(string decision, string situation, string? rag)
    {
        await using var kit = new LlmTestKit();
        kit.ChatAnswers(LlmTestKit.NavJson(decision, situation, rag));

        var outcome = await kit.Advisor.ChooseNavigationAsync(LlmTestKit.Navigation(), CancellationToken.None);

        Assert.Equal("wrong_triple", outcome.FallbackReason);
    }

    [Fact]
    public async Task ConfidenceBelowTheMinimumFallsBack()
    {
        await using var kit = new LlmTestKit();
        kit.ChatAnswers(LlmTestKit.NavJson(confidence: 0.49));

        var outcome = await kit.Advisor.ChooseNavigationAsync(LlmTestKit.Navigation(), CancellationToken.None);

        Assert.Equal("low_confidence", outcome.FallbackReason);
    }

    [Theory]
    [InlineData("{\"navigation_decision\":\"general_inquiry\",\"situation_type\":\"general_therapeutic_inquiry\",\"rag_query\":\"general_dr_q_approach\",\"reasoning\":\"r\",\"confidence\":\"high\"}")]
    [InlineData("{\"navigation_decision\":\"general_inquiry\",\"situation_type\":\"general_therapeutic_inquiry\",\"rag_query\":\"general_dr_q_approach\",\"reasoning\":\"r\",\"confidence\":1.5}")]
    [InlineData("{\"navigation_decision\":\"general_inquiry\",\"situation_type\":\"general_therapeutic_inquiry\",\"rag_query\":\"general_dr_q_approach\",\"reasoning\":7,\"confidence\":0.9}")]
    public async Task ValueOfTheWrongTypeFallsBack(string content)
    {
        await using var kit = new LlmTestKit();
        kit.ChatAnswers(content);

        var outcome = await kit.Advisor.ChooseNavigationAsync(LlmTestKit.Navigation(), CancellationToken.None);

        Assert.Equal("invalid_value", outcome.FallbackReason);
    }

    [Fact]
    public async Task FallbacksAreCountedByReason()
    {
        await using var kit = new LlmTestKit();
        kit.ChatAnswers(LlmTestKit.NavJson(confidence: 0.1));

        await kit.Advisor.ChooseNavigationAsync(LlmTestKit.Navigation(), CancellationToken.None);
        await kit.Advisor.ChooseNavigationAsync(LlmTestKit.Navigation(), CancellationToken.None);
        kit.ChatAnswers(LlmTestKit.NavJson());
        await kit.Advisor.ChooseNavigationAsync(LlmTestKit.Navigation(), CancellationToken.None);

        Assert.Equal(3, kit.Advisor.Counters.Calls);
        Assert.Equal(1, kit.Advisor.Counters.Successes);
        Assert.Equal(2, kit.Advisor.Counters.Fallbacks("low_confidence"));
    }

    [Fact]
    public async Task NotConfiguredAdvisorIsUnavailableAndFallsBack()
    {
        using var advisor = new OllamaLlmAdvisor(new OllamaOptions(), null, LlmTestKit.ContainsCrisisCue);

        var outcome = await advisor.ChooseNavigationAsync(LlmTestKit.Navigation(), CancellationToken.None);

        Assert.False(advisor.Available);
        Assert.Equal("not_configured", outcome.FallbackReason);
        Assert.False(await advisor.PingAsync(CancellationToken.None));
    }
}
