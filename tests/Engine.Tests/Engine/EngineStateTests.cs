using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TrtOrleans.Therapy.Contracts;
using TrtOrleans.Therapy.Engine;

namespace TrtOrleans.Engine.Tests.Engine;

/// <summary>§3 state record: defaults, seed, criteria map, cloning, bounded lists.</summary>
public sealed class EngineStateTests : RuleTestBase
{
    [Fact]
    public void NewSessionHasTheSpecDefaults()
    {
        var engine = Engine();
        var s = engine.NewSession("session_20261126_091500_ab12cd34", EngineHarness.T0);
        Assert.Equal(1, s.SchemaVersion);
        Assert.Equal("active", s.Status);
        Assert.Equal(Substates.Stage, s.CurrentStage);
        Assert.Equal(Substates.GoalAndVision, s.CurrentSubstate);
        Assert.Equal(EngineHarness.T0, s.CreatedAt);
        Assert.Equal(EngineHarness.T0, s.LastInteraction);
        Assert.Null(s.CompletedAt);
        Assert.Equal(QuestionKind.None, s.LastQuestionKind);
        Assert.Equal(RiskLevel.None, s.CrisisRiskLevel);
        Assert.Equal(AlphaStep.None, s.AlphaStep);
        Assert.All(s.CompletionCriteriaMap().Values, Assert.False);
        var expectedSeed = BinaryPrimitives.ReadUInt64LittleEndian(
            SHA256.HashData(Encoding.UTF8.GetBytes("session_20261126_091500_ab12cd34")));
        Assert.Equal(expectedSeed, s.Seed);
    }

    [Fact]
    public void CompletionCriteriaMapListsTheTwelveNamesInSpecOrder()
    {
        Assert.Equal(
        [
            "goal_stated", "vision_presented", "vision_accepted", "psycho_education_provided", "education_understood",
            "problem_identified", "emotion_identified", "body_awareness_present", "present_moment_focus",
            "pattern_understood", "rapport_established", "ready_for_stage_2",
        ], new EngineState().CompletionCriteriaMap().Keys);
    }

    [Fact]
    public void DeepCloneIsIndependentAndSnakeCaseJsonRoundTrips()
    {
        var s = StateIn(Substates.AlphaSequence, QuestionKind.AlphaCheckpoint);
        s.Emotions.Add("anxious");
        s.Cycle = new BodyCycle { Focus = "anxious", LocationAsks = 2 };
        s.VariantMemory["goal_question"] = new VariantUse { Count = 2, Last = 1 };
        s.PendingBeforeCrisis = QuestionKind.Readiness;
        var clone = s.DeepClone();
        clone.Emotions.Add("sad");
        clone.Cycle!.LocationAsks = 0;
        Assert.Single(s.Emotions);
        Assert.Equal(2, s.Cycle.LocationAsks);

        var json = JsonSerializer.Serialize(s, EngineHarness.Json);
        Assert.Contains("\"stage_1_completion\"", json);
        Assert.Contains("\"last_question_kind\":\"AlphaCheckpoint\"", json);
        Assert.Contains("\"alpha_step\":\"Jaw\"", json);
        var back = JsonSerializer.Deserialize<EngineState>(json, EngineHarness.Json)!;
        Assert.Equal(json, JsonSerializer.Serialize(back, EngineHarness.Json));
    }

    [Fact]
    public async Task FullListsDropTheOldestEntry()
    {
        Fake.Add("new stuff", new FakeInput { Negative = ["emo-new"], Topics = ["topic-new"], Locations = ["loc-new"], Sensations = ["sen-new"] });
        var start = StateIn(Substates.ProblemAndBody, QuestionKind.Problem);
        start.Emotions = [.. Enumerable.Range(0, EngineState.EmotionsCap).Select(i => $"emo{i}")];
        start.ProblemTopics = [.. Enumerable.Range(0, EngineState.ProblemTopicsCap).Select(i => $"topic{i}")];
        start.BodyLocations = [.. Enumerable.Range(0, EngineState.BodyListCap).Select(i => $"loc{i}")];
        start.Sensations = [.. Enumerable.Range(0, EngineState.BodyListCap).Select(i => $"sen{i}")];
        for (var i = 0; i < 8; i++)
        {
            start.RecentExchanges.Add(new RecentExchange { Turn = i });
        }

        var s = (await RunAsync(start, "new stuff"))[0].State;
        Assert.Equal(EngineState.EmotionsCap, s.Emotions.Count);
        Assert.Equal("emo1", s.Emotions[0]);
        Assert.Equal("emo-new", s.Emotions[^1]);
        Assert.Equal(EngineState.ProblemTopicsCap, s.ProblemTopics.Count);
        Assert.Equal("topic-new", s.ProblemTopics[^1]);
        Assert.Equal(EngineState.BodyListCap, s.BodyLocations.Count);
        Assert.Equal(EngineState.BodyListCap, s.Sensations.Count);
        Assert.Equal(EngineState.RecentExchangesCap, s.RecentExchanges.Count);
        Assert.Equal(11, s.RecentExchanges[^1].Turn);
        Assert.Equal("emo-new", s.Stage1Completion.EmotionContent);
        Assert.Equal("topic: topic-new", s.ProblemContent());
    }

    [Fact]
    public async Task CompletionEventsRecordCriteriaAndTransitionsWithTheRealFrom()
    {
        var turns = await RunAsync(StateIn(Substates.AssessReadiness, QuestionKind.Readiness), "nothing more", "yes", "calm", "calm", "calm");
        var events = turns[^1].State.CompletionEvents;
        Assert.Contains(events, e => e.Event == "substate_advanced" && e.Detail == $"{Substates.AssessReadiness} -> {Substates.AlphaPermission} (client_ready)");
        Assert.Contains(events, e => e.Event == "substate_advanced" && e.Detail == $"{Substates.AlphaPermission} -> {Substates.AlphaSequence} (consent)");
        Assert.Contains(events, e => e.Event == "substate_advanced" && e.Detail == $"{Substates.AlphaSequence} -> {Substates.Complete} (alpha_complete)");
        Assert.Contains(events, e => e.Event == "criterion_met" && e.Detail == "ready_for_stage_2");
        Assert.Equal(Substates.Complete, turns[^1].State.CurrentSubstate);
        Assert.Equal(turns[^1].State.TurnCount, turns[^1].State.SubstateEnteredTurn);
    }

    [Fact]
    public async Task RapportIsEstablishedByTheFirstOrdinaryTurnOnly()
    {
        var turns = await RunAsync(EngineState.Create("rapport", EngineHarness.T0), "...", "crisis", "safe", "plain");
        Assert.False(turns[0].State.Stage1Completion.RapportEstablished);
        Assert.False(turns[1].State.Stage1Completion.RapportEstablished);
        Assert.False(turns[2].State.Stage1Completion.RapportEstablished);
        Assert.True(turns[3].State.Stage1Completion.RapportEstablished);
        Assert.Equal([0, 0, 0, 1], turns.Select(t => t.State.TurnsInSubstate));
        Assert.Equal([1, 2, 3, 4], turns.Select(t => t.Response.Turn));
    }
}

internal static class StateTestExtensions
{
    public static string? ProblemContent(this EngineState s) => s.Stage1Completion.ProblemContent;
}
