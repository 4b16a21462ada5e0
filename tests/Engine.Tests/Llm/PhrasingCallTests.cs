using System.Text.RegularExpressions;
using TrtOrleans.Engine.Tests.Fakes;

namespace TrtOrleans.Engine.Tests.Llm;

public partial class PhrasingCallTests
{
    private const string Good = "Where do you notice that tightness in your body?";

    [Theory]
    [InlineData("Where do you notice that tightness in your body?")]
    [InlineData("Therapist: Where do you notice that tightness in your body?")]
    [InlineData("Dr. Q: Where do you notice that tightness in your body?")]
    [InlineData("Assistant: \"Where do you notice that tightness in your body?\"")]
    [InlineData("\u201CWhere do you notice that tightness in your body?\u201D")]
    [InlineData("  \"Therapist: Where do you notice that tightness in your body?\"  ")]
    public async Task ValidReplyIsUsedWithRoleLabelAndQuotesStripped(string content)
    {
        await using var kit = new LlmTestKit();
        kit.ChatAnswers(content);

        var outcome = await kit.Advisor.RephraseAsync(
            LlmTestKit.Phrasing(requiredWords: ["tightness"]), CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.FallbackReason);
        Assert.Equal(Good, outcome.Value);
        Assert.StartsWith("llm: ", outcome.Reasoning);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("Therapist: \"\"", "empty")]
    [InlineData("Client: Where do you notice that tightness?", "role_label")]
    [InlineData("User: Where do you notice that tightness?", "role_label")]
    [InlineData("That tightness has been there a lot. I hear you. It makes sense. Where do you notice it?", "too_many_sentences")]
    [InlineData("That tightness has been with you.\nWhere do you notice it?", "newline")]
    [InlineData("Where do you **notice** that tightness?", "markdown")]
    [InlineData("- Where do you notice that tightness?", "markdown")]
    [InlineData("# Where do you notice that tightness?", "markdown")]
    [InlineData("Where do you notice `that` tightness?", "markdown")]
    [InlineData("```Where do you notice that tightness?```", "code_fence")]
    [InlineData("Where do you notice that {emotion}?", "braces")]
    [InlineData("Where do you notice that tightness? See https://example.org", "url")]
    [InlineData("Where do you notice that tightness? See www.calm.example", "url")]
    [InlineData("That tightness has been around.", "question_count")]
    [InlineData("Where is that tightness? Is it strong?", "question_count")]
    [InlineData("Where do you notice that in your body?", "missing_slot_word")]
    [InlineData("Does that tightness make you want to end your life?", "crisis_cue")]
    [InlineData("This tightness might be a diagnosable thing. Where is it?", "diagnosis")]
    [InlineData("That tightness sounds like a panic disorder. Where is it?", "diagnosis")]
    [InlineData("You might have anxiety, and that tightness shows it. Where is it?", "diagnosis")]
    [InlineData("Have your meds changed that tightness?", "medication")]
    [InlineData("Does the sertraline ease that tightness?", "medication")]
    [InlineData("Did 50mg help that tightness?", "medication")]
    [InlineData("Has a doctor prescribed something for that tightness?", "medication")]
    [InlineData("As an AI, I wonder where you notice that tightness?", "meta")]
    [InlineData("Following my instructions, where is that tightness?", "meta")]
    [InlineData("Where is that tightness, CLIENT_0123456789abcdef?", "fence_marker")]
    [InlineData("Where is that tightness? >>>", "fence_marker")]
    public async Task PostFilterRejectsTheReply(string content, string reason)
    {
        await using var kit = new LlmTestKit();
        kit.ChatAnswers(content);

        var outcome = await kit.Advisor.RephraseAsync(
            LlmTestKit.Phrasing(requiredWords: ["tightness"]), CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Null(outcome.Value);
        Assert.Equal("filtered:" + reason, outcome.FallbackReason);
        Assert.Equal(1, kit.Advisor.Counters.Fallbacks("filtered:" + reason));
    }

    [Fact]
    public async Task ReplyOverTheCharacterLimitIsRejected()
    {
        await using var kit = new LlmTestKit();
        var filler = string.Join(' ', Enumerable.Repeat("really", 45));
        kit.ChatAnswers($"That tightness has been {filler} present, where do you notice it?");

        var outcome = await kit.Advisor.RephraseAsync(LlmTestKit.Phrasing(), CancellationToken.None);

        Assert.Equal("filtered:too_long", outcome.FallbackReason);
    }

    [Fact]
    public async Task VisionRepliesMayUseFiveSentencesAndFiveHundredCharacters()
    {
        await using var kit = new LlmTestKit();
        const string five = "Picture yourself a few weeks from now, feeling calm. Your shoulders are loose. " +
            "Your breath is slow and easy. You walk into the meeting feeling settled. How does that picture feel?";
        kit.ChatAnswers(five);

        var accepted = await kit.Advisor.RephraseAsync(
            LlmTestKit.Phrasing(intent: "vision_present", isVision: true, requiredWords: ["calm"]), CancellationToken.None);
        kit.ChatAnswers(five + " Take your time.");
        var sixSentences = await kit.Advisor.RephraseAsync(
            LlmTestKit.Phrasing(intent: "vision_present", isVision: true), CancellationToken.None);
        kit.ChatAnswers(five);
        var notVision = await kit.Advisor.RephraseAsync(LlmTestKit.Phrasing(), CancellationToken.None);

        Assert.True(accepted.Succeeded, accepted.FallbackReason);
        Assert.Equal("filtered:too_many_sentences", sixSentences.FallbackReason);
        Assert.Equal("filtered:too_many_sentences", notVision.FallbackReason);
    }

    [Fact]
    public async Task ReplyEchoingThisCallsFenceMarkerIsRejected()
    {
        await using var kit = new LlmTestKit();
        kit.Server.Responder = request =>
        {
            var token = Marker().Match(request.Body).Groups[1].Value;
            return FakeOllamaServer.Chat($"Where is that tightness {token}?");
        };

        var outcome = await kit.Advisor.RephraseAsync(LlmTestKit.Phrasing(), CancellationToken.None);

        Assert.Equal("filtered:fence_marker", outcome.FallbackReason);
    }

    [Fact]
    public async Task NonQuestionIntentMayHaveNoQuestionMark()
    {
        await using var kit = new LlmTestKit();
        kit.ChatAnswers("Take your time, there is no rush.");

        var outcome = await kit.Advisor.RephraseAsync(
            LlmTestKit.Phrasing(intent: "silence", isQuestion: false), CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.FallbackReason);
    }

    [Fact]
    public async Task RealCrisisDetectorThroughTheAnalyzerConstructorRejectsAnyCue()
    {
        await using var kit = new LlmTestKit();
        using var advisor = new TrtOrleans.Therapy.Llm.OllamaLlmAdvisor(
            kit.Options, kit.ChatClient, new CueAnalyzer(TrtOrleans.Therapy.Contracts.RiskLevel.Low));
        kit.ChatAnswers(Good);

        var outcome = await advisor.RephraseAsync(LlmTestKit.Phrasing(), CancellationToken.None);

        Assert.Equal("filtered:crisis_cue", outcome.FallbackReason);
    }

    [Fact]
    public async Task TransportFailuresOfPhrasingFallBackToo()
    {
        await using var kit = new LlmTestKit(callTimeoutSeconds: 1);
        kit.ChatFails(500);
        var failed = await kit.Advisor.RephraseAsync(LlmTestKit.Phrasing(), CancellationToken.None);
        kit.ChatAnswers(Good, delay: TimeSpan.FromSeconds(3));
        var slow = await kit.Advisor.RephraseAsync(LlmTestKit.Phrasing(), CancellationToken.None);

        Assert.Equal("http_error", failed.FallbackReason);
        Assert.Equal("timeout", slow.FallbackReason);
    }

    [GeneratedRegex("<<<CLIENT_([0-9a-f]{16})>>>")]
    private static partial Regex Marker();

    /// <summary>An analyzer whose crisis detector reports a fixed risk for every text.</summary>
    private sealed class CueAnalyzer(TrtOrleans.Therapy.Contracts.RiskLevel risk) : TrtOrleans.Therapy.Contracts.ITextAnalyzer
    {
        public string DataVersion => "test";

        public TrtOrleans.Therapy.Contracts.TextAnalysis Analyze(string input, TrtOrleans.Therapy.Contracts.QuestionKind pending) =>
            throw new NotSupportedException();

        public TrtOrleans.Therapy.Contracts.CrisisAnalysis DetectCrisis(string input) => new(risk, [], [], false);
    }
}
