using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Engine.Tests.Engine;

/// <summary>§15.4 verbatim exemplars and §14 LLM navigation/phrasing with their fallbacks.</summary>
public sealed class RetrievalAndLlmTests : RuleTestBase
{
    private sealed class FakeRetriever(params Exemplar[] exemplars) : IExemplarRetriever
    {
        public List<(string Query, string Input)> Calls { get; } = [];

        public string Provider => "fake";

        public string CorpusVersion => "v1";

        public bool CorpusHealthy => true;

        public Task<IReadOnlyList<RetrievedExemplar>> RetrieveAsync(string ragQuery, string correctedInput, CancellationToken ct)
        {
            Calls.Add((ragQuery, correctedInput));
            IReadOnlyList<RetrievedExemplar> hits = exemplars.Where(e => e.RagContexts.Contains(ragQuery))
                .Select(e => new RetrievedExemplar(e, 0.9)).ToList();
            return Task.FromResult(hits);
        }
    }

    private sealed class FakeLlm : ILlmAdvisor
    {
        public bool Available { get; set; } = true;

        public Func<NavigationRequest, LlmOutcome<NavigationOption>> Navigate { get; set; } =
            _ => LlmOutcome<NavigationOption>.Fail("timeout");

        public Func<PhrasingRequest, LlmOutcome<string>> Phrase { get; set; } = _ => LlmOutcome<string>.Fail("http_error");

        public List<NavigationRequest> NavigationCalls { get; } = [];

        public List<PhrasingRequest> PhrasingCalls { get; } = [];

        /// <summary>When set, calls wait until the engine's turn budget cancels them.</summary>
        public bool Hang { get; set; }

        public async Task<LlmOutcome<NavigationOption>> ChooseNavigationAsync(NavigationRequest request, CancellationToken ct)
        {
            NavigationCalls.Add(request);
            if (Hang)
            {
                await Task.Delay(Timeout.Infinite, ct);
            }

            return Navigate(request);
        }

        public async Task<LlmOutcome<string>> RephraseAsync(PhrasingRequest request, CancellationToken ct)
        {
            PhrasingCalls.Add(request);
            if (Hang)
            {
                await Task.Delay(Timeout.Infinite, ct);
            }

            return Phrase(request);
        }
    }

    private static Exemplar Ex(string id, string text, string rag, params string[] tags) =>
        new(id, text, "", null, null, null, [rag], tags);

    [Fact]
    public async Task VerbatimProjectExemplarIsUsedOnceWithAnAckPrefix()
    {
        var retriever = new FakeRetriever(Ex("trt-ex-1", "What has been standing between you and feeling {desired_state}?",
            RagQueries.ProblemConstruction, "verbatim_ok", "source:project"));
        Fake.Add("long plain", new FakeInput { Words = 6 });
        var start = StateIn(Substates.PsychoEducation, QuestionKind.EducationCheck);
        var first = await Engine(retriever).TurnAsync(start, "long plain", EngineHarness.T0);
        Assert.Equal("explore_problem", first.Response.Navigation.Decision);
        Assert.Equal([(RagQueries.ProblemConstruction, "long plain")], retriever.Calls);
        Assert.EndsWith("What has been standing between you and feeling calm?", first.Response.TherapistResponse);
        // {ack} is prefixed: a substantive answer gets a short neutral acknowledgement.
        Assert.True(first.Response.TherapistResponse.Length > "What has been standing between you and feeling calm?".Length + 3);
        Assert.Equal(["trt-ex-1"], first.State.UsedExemplars);

        // Re-asked after a safety hold? Not here: ask the same query again on a fresh turn of the same session.
        var again = first.State.DeepClone();
        again.CurrentSubstate = Substates.PsychoEducation;
        again.LastQuestionKind = QuestionKind.EducationCheck;
        again.ProblemQuestionAsked = false;
        var second = await Engine(retriever).TurnAsync(again, "plain", EngineHarness.T0);
        Assert.DoesNotContain("standing between", second.Response.TherapistResponse);
    }

    [Fact]
    public async Task ExemplarsThatAreNotVerbatimOrFromLegacyAreNotUsedAndRagQueryIsStillReported()
    {
        var retriever = new FakeRetriever(
            Ex("legacy:9", "What gets in the way?", RagQueries.ProblemConstruction, "verbatim_ok", "source:legacy"));
        var start = StateIn(Substates.PsychoEducation, QuestionKind.EducationCheck);
        var result = await Engine(retriever).TurnAsync(start, "plain", EngineHarness.T0);
        Assert.NotEqual("What gets in the way?", result.Response.TherapistResponse);
        Assert.Empty(result.State.UsedExemplars);
        Assert.Equal(RagQueries.ProblemConstruction, result.Response.Navigation.RagQuery);

        var none = await Engine().TurnAsync(start, "plain", EngineHarness.T0);
        Assert.Equal(RagQueries.ProblemConstruction, none.Response.Navigation.RagQuery);
    }

    [Fact]
    public async Task ExemplarWithAnUnfillableSlotFallsBackToTheTemplate()
    {
        var retriever = new FakeRetriever(Ex("trt-ex-2", "Where do you feel that {emotion}?", RagQueries.BodyLocation,
            "verbatim_ok", "source:project", "has_ack"));
        var start = StateIn(Substates.ProblemAndBody, QuestionKind.BodyEntry);
        start.Cycle = new BodyCycle { Focus = "it", LocationAsks = 1 };
        var result = await Engine(retriever).TurnAsync(start, "plain", EngineHarness.T0);
        Assert.Equal(RagQueries.BodyLocation, result.Response.Navigation.RagQuery);
        Assert.Empty(result.State.UsedExemplars);
    }

    [Fact]
    public async Task LlmNavigationChoiceAtN1IsUsedWithItsOwnEffects()
    {
        var llm = new FakeLlm
        {
            Navigate = r => new(true, r.Allowed.Single(o => o.Decision == "general_inquiry"), null, "client wants to talk"),
            Phrase = r => new(true, "Tell me more about what that is like for you?", null, null),
        };
        var start = StateIn(Substates.ProblemAndBody, QuestionKind.Problem);
        start.Stage1Completion.ProblemIdentified = true;
        start.ProblemQuestionAsked = true;
        var result = await Engine(llm: llm).TurnAsync(start, "plain", EngineHarness.T0);
        Assert.Equal("general_inquiry", result.Response.Navigation.Decision);
        Assert.Equal("llm: client wants to talk; reply: llm", result.Response.Navigation.Reasoning);
        Assert.Equal(1, result.State.GeneralInquiryStreak);
        Assert.Null(result.State.Cycle); // the S2b cycle starts only when its body-entry reply is sent
        Assert.Equal("Tell me more about what that is like for you?", result.Response.TherapistResponse);
        var allowed = llm.NavigationCalls.Single().Allowed.Select(o => o.Decision).ToList();
        Assert.Contains("body_awareness_inquiry", allowed);
        Assert.Contains("pattern_inquiry", allowed);
        Assert.DoesNotContain("explore_problem", allowed);
        Assert.DoesNotContain("plain", llm.NavigationCalls[0].StateSummary);
    }

    [Fact]
    public async Task LlmFailureKeepsTheDeterministicPlanAndReportsTheFallback()
    {
        var llm = new FakeLlm();
        var start = StateIn(Substates.ProblemAndBody, QuestionKind.Problem);
        start.Stage1Completion.ProblemIdentified = true;
        start.ProblemQuestionAsked = true;
        var withLlm = await Engine(llm: llm).TurnAsync(start, "plain", EngineHarness.T0);
        var without = await Engine().TurnAsync(start, "plain", EngineHarness.T0);
        Assert.Equal(without.Response.Navigation.Decision, withLlm.Response.Navigation.Decision);
        Assert.StartsWith("fallback: timeout; reply fallback: ", withLlm.Response.Navigation.Reasoning);
        Assert.Equal(without.Response.TherapistResponse, withLlm.Response.TherapistResponse);
        Assert.Contains("llm_fallback", withLlm.AnalyticsEvents);
    }

    [Fact]
    public async Task LlmChoiceOutsideTheAllowedRowsFallsBack()
    {
        var llm = new FakeLlm
        {
            Navigate = _ => new(true, new NavigationOption("assess_readiness", "readiness_for_alpha", "dr_q_ready", ""), null, "x"),
        };
        var start = StateIn(Substates.ProblemAndBody, QuestionKind.Problem);
        start.Stage1Completion.ProblemIdentified = true;
        start.ProblemQuestionAsked = true;
        var result = await Engine(llm: llm).TurnAsync(start, "plain", EngineHarness.T0);
        Assert.Equal("body_awareness_inquiry", result.Response.Navigation.Decision);
        Assert.StartsWith("fallback:", result.Response.Navigation.Reasoning);
        Assert.Equal(Substates.ProblemAndBody, result.State.CurrentSubstate);
    }

    [Fact]
    public async Task LlmIsNeverCalledOnGateOrProtocolTurns()
    {
        var llm = new FakeLlm { Phrase = _ => new(true, "Rephrased?", null, null) };
        var engine = Engine(llm: llm);
        var state = StateIn(Substates.AlphaPermission, QuestionKind.Permission);
        foreach (var input in new[] { "crisis", "unclear", "safe", "...", "yes", "calm" })
        {
            var result = await engine.TurnAsync(state, input, EngineHarness.T0);
            Assert.NotEqual("Rephrased?", result.Response.TherapistResponse);
            state = result.State;
        }

        Assert.Empty(llm.PhrasingCalls);
        Assert.Empty(llm.NavigationCalls);
    }

    [Fact]
    public async Task UnavailableLlmIsNotCalled()
    {
        var llm = new FakeLlm { Available = false };
        var result = await Engine(llm: llm).TurnAsync(EngineState.Create("x", EngineHarness.T0), "plain", EngineHarness.T0);
        Assert.Empty(llm.PhrasingCalls);
        Assert.Equal("clarify_goal", result.Response.Navigation.Decision);
    }

    [Fact]
    public async Task RejectedPhrasingFallsBackToTheDraft()
    {
        var llm = new FakeLlm { Phrase = _ => new(true, "Two questions? Really?", null, null) };
        var result = await Engine(llm: llm).TurnAsync(EngineState.Create("x", EngineHarness.T0), "plain", EngineHarness.T0);
        var draft = await Engine().TurnAsync(EngineState.Create("x", EngineHarness.T0), "plain", EngineHarness.T0);
        Assert.Equal(draft.Response.TherapistResponse, result.Response.TherapistResponse);
        Assert.Contains("llm_fallback", result.AnalyticsEvents);
        Assert.Single(llm.PhrasingCalls);
        Assert.True(llm.PhrasingCalls[0].IsQuestion);
        Assert.False(string.IsNullOrEmpty(llm.PhrasingCalls[0].MustDo));
    }

    [Fact]
    public async Task TurnBudgetCancelsHangingLlmCallsAndFallsBack()
    {
        var llm = new FakeLlm { Hang = true };
        var engine = new TrtOrleans.Therapy.Engine.TrtEngine(Fake, EngineHarness.Templates, null, llm,
            new TrtOrleans.Therapy.Engine.EngineOptions { LlmTurnBudgetSeconds = 0.2 });
        var start = StateIn(Substates.ProblemAndBody, QuestionKind.Problem);
        start.Stage1Completion.ProblemIdentified = true;
        start.ProblemQuestionAsked = true;
        var result = await engine.TurnAsync(start, "plain", EngineHarness.T0);
        var deterministic = await Engine().TurnAsync(start, "plain", EngineHarness.T0);
        Assert.Equal("fallback: timeout; reply fallback: timeout", result.Response.Navigation.Reasoning);
        Assert.Equal(deterministic.Response.TherapistResponse, result.Response.TherapistResponse);
        Assert.Equal(2, result.AnalyticsEvents.Count(e => e == "llm_fallback"));
    }

    private sealed class ThrowingRetriever : IExemplarRetriever
    {
        public string Provider => "broken";

        public string CorpusVersion => "v0";

        public bool CorpusHealthy => false;

        public Task<IReadOnlyList<RetrievedExemplar>> RetrieveAsync(string ragQuery, string correctedInput, CancellationToken ct) =>
            throw new InvalidOperationException("index unavailable");
    }

    [Fact]
    public async Task RetrievalFailureMeansNothingRetrieved()
    {
        var result = await Engine(new ThrowingRetriever()).TurnAsync(EngineState.Create("r", EngineHarness.T0), "plain", EngineHarness.T0);
        var plain = await Engine().TurnAsync(EngineState.Create("r", EngineHarness.T0), "plain", EngineHarness.T0);
        Assert.Equal(plain.Response.TherapistResponse, result.Response.TherapistResponse);
        Assert.Equal(RagQueries.GoalClarification, result.Response.Navigation.RagQuery);
    }
}
