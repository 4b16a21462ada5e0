using TrtOrleans.Therapy.Llm;

namespace TrtOrleans.Engine.Tests.Llm;

public class PingAndDataTests
{
    [Fact]
    public async Task PingIsTrueWhenOllamaListsItsModels()
    {
        await using var kit = new LlmTestKit();

        Assert.True(await kit.Advisor.PingAsync(CancellationToken.None));
        Assert.Equal("/api/tags", kit.Server.Requests.Single().Path);
        Assert.Equal("GET", kit.Server.Requests.Single().Method);
    }

    [Fact]
    public async Task PingIsFalseWhenOllamaFailsOrIsGone()
    {
        await using var kit = new LlmTestKit();
        kit.Server.Responder = _ => Fakes.FakeOllamaServer.Error(500);
        var failing = await kit.Advisor.PingAsync(CancellationToken.None);
        await kit.Server.DisposeAsync();
        var gone = await kit.Advisor.PingAsync(CancellationToken.None);

        Assert.False(failing);
        Assert.False(gone);
    }

    [Fact]
    public void HostConstructorWithoutBaseUrlMeansNoLlm()
    {
        using var advisor = new OllamaLlmAdvisor(
            Microsoft.Extensions.Options.Options.Create(new OllamaOptions()),
            new NoAnalyzer(),
            TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<OllamaLlmAdvisor>.Instance);

        Assert.False(advisor.Available);
        Assert.False(advisor.Configured);
    }

    [Fact]
    public void OptionsDefaultsFollowTheSpec()
    {
        var options = new OllamaOptions();

        Assert.Null(options.BaseUrl);
        Assert.False(options.IsConfigured);
        Assert.Equal("llama3.1", options.ChatModel);
        Assert.Null(options.EmbeddingModel);
        Assert.Equal(20, options.CallTimeoutSeconds);
        Assert.Equal(35, options.TurnBudgetSeconds);
        Assert.Equal(300, options.MaxReplyChars);
        Assert.Equal(500, options.MaxVisionReplyChars);
        Assert.Equal(0.2f, options.Temperature);
        Assert.Equal(0.5, options.MinConfidence);
        Assert.Equal(3, options.BreakerFailures);
        Assert.Equal(60, options.BreakerOpenSeconds);
    }

    [Fact]
    public void ShippedFilterWordListsLoadAndCoverEveryCategory()
    {
        var lexicon = ReplyFilterLexicon.LoadDefault();

        Assert.True(lexicon.Version >= 1);
        Assert.NotEmpty(lexicon.RoleLabels);
        Assert.Contains("diagnos*", lexicon.Diagnosis);
        Assert.NotEmpty(lexicon.DiagnosisLeadIns);
        Assert.NotEmpty(lexicon.Conditions);
        Assert.Contains("prescri*", lexicon.Medication);
        Assert.Contains("sertraline", lexicon.DrugNames);
        Assert.Contains("system prompt", lexicon.Meta);
    }

    private sealed class NoAnalyzer : TrtOrleans.Therapy.Contracts.ITextAnalyzer
    {
        public string DataVersion => "none";

        public TrtOrleans.Therapy.Contracts.TextAnalysis Analyze(
            string input, TrtOrleans.Therapy.Contracts.QuestionKind pending) => throw new NotSupportedException();

        public TrtOrleans.Therapy.Contracts.CrisisAnalysis DetectCrisis(string input) =>
            new(TrtOrleans.Therapy.Contracts.RiskLevel.None, [], [], false);
    }
}
