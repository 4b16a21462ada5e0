using System.Text.Json;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Engine.Tests.Engine;

/// <summary>§13: crisis turns, follow-up classes, TC, audit.</summary>
public sealed class CrisisProtocolTests : RuleTestBase
{
    [Fact]
    public async Task CrisisTurnUpdatesNoFlagListOrCounterOtherThanSafetyFields()
    {
        var start = StateIn(Substates.ProblemAndBody, QuestionKind.BodyLocation);
        start.Cycle = new BodyCycle { Focus = "it", LocationAsks = 1 };
        var before = start.DeepClone();
        var turns = await RunAsync(start, "crisis");
        var s = turns[0].State;
        Assert.Equal(before.Emotions, s.Emotions);
        Assert.Equal(before.BodyLocations, s.BodyLocations);
        Assert.Equal(before.ProblemTopics, s.ProblemTopics);
        Assert.Equal(before.CompletionCriteriaMap(), s.CompletionCriteriaMap());
        Assert.Equal(before.BodyQuestionCount, s.BodyQuestionCount);
        Assert.Equal(before.TurnsInSubstate, s.TurnsInSubstate);
        Assert.Equal(before.CurrentSubstate, s.CurrentSubstate);
        Assert.Equal(1, s.Cycle!.LocationAsks);
        Assert.True(s.CrisisActive);
        Assert.True(s.AwaitingSafetyAnswer);
        Assert.Equal(RiskLevel.Moderate, s.CrisisRiskLevel);
        Assert.Equal(11, s.CrisisOpenedTurn);
        Assert.Equal(1, s.CrisisEpisodes);
        Assert.Equal(QuestionKind.BodyLocation, s.PendingBeforeCrisis);
        Assert.Equal(QuestionKind.Safety, s.LastQuestionKind);
        Assert.False(s.HandoffRecommended);
        Assert.Contains("crisis_turn", turns[0].AnalyticsEvents);
        Assert.Contains("decision:crisis_response", turns[0].AnalyticsEvents);
        Assert.Null(turns[0].Response.Navigation.RagQuery);
    }

    [Fact]
    public async Task CrisisReplyEndsWithExactlyOneSafetyQuestionAndShowsResources()
    {
        foreach (var input in new[] { "crisis", "crisis high", "crisis now" })
        {
            var turns = await RunAsync(StateIn(Substates.GoalAndVision, QuestionKind.Goal), input);
            var reply = turns[0].Response.TherapistResponse;
            Assert.EndsWith("?", reply);
            Assert.Single(reply, '?');
            Assert.Contains("988", reply);
            Assert.Equal(3, turns[0].Response.Safety.Resources.Count);
            Assert.True(turns[0].Response.Safety.Crisis);
        }
    }

    [Fact]
    public async Task ImmediateRiskRecommendsHandoffAndRiskIsNeverLowered()
    {
        var turns = await RunAsync(StateIn(Substates.GoalAndVision, QuestionKind.Goal), "crisis now", "safe", "crisis");
        Assert.True(turns[0].State.HandoffRecommended);
        Assert.Equal("immediate", turns[0].Response.Safety.RiskLevel);
        Assert.Equal(RiskLevel.Immediate, turns[1].State.CrisisRiskLevel);
        Assert.Equal(RiskLevel.Immediate, turns[2].State.CrisisRiskLevel);
        Assert.Equal("moderate", turns[2].Response.Safety.RiskLevel);
        Assert.Equal(2, turns[2].State.CrisisEpisodes);
    }

    [Fact]
    public async Task UnsafeAnswerRaisesRiskToHighAndUnclearKeepsIt()
    {
        var turns = await RunAsync(StateIn(Substates.GoalAndVision, QuestionKind.Goal), "crisis", "unclear", "unsafe");
        Assert.Equal("moderate", turns[1].Response.Safety.RiskLevel);
        Assert.False(turns[1].State.HandoffRecommended);
        Assert.Equal("high", turns[2].Response.Safety.RiskLevel);
        Assert.True(turns[2].State.HandoffRecommended);
        Assert.Equal(["safety_followup_unsafe"], turns[2].AuditEvents.Select(e => e.Type));
        Assert.All(turns, t => Assert.Equal(3, t.Response.Safety.Resources.Count));
    }

    [Fact]
    public async Task SilenceDuringTheHoldIsAFollowUpTurnAndLeavesTheSilenceStreak()
    {
        var start = StateIn(Substates.GoalAndVision, QuestionKind.Goal);
        start.SilenceStreak = 1;
        var turns = await RunAsync(start, "crisis", "...");
        Assert.Equal(0, turns[0].State.SilenceStreak);
        Assert.Equal("safety_followup", Decision(turns[1]));
        Assert.Equal(0, turns[1].State.SilenceStreak);
        Assert.Equal(1, turns[1].State.SafetyFollowups);
    }

    [Fact]
    public async Task SafeAnswerReasksThePendingQuestionWithoutCounting()
    {
        var start = StateIn(Substates.AssessReadiness, QuestionKind.Readiness);
        var turns = await RunAsync(start, "crisis", "safe");
        Assert.Equal("safety_followup", Decision(turns[1]));
        Assert.Equal(QuestionKind.Readiness, turns[1].State.LastQuestionKind);
        Assert.Equal(1, turns[1].State.ReadinessAsks);
        Assert.EndsWith("?", turns[1].Response.TherapistResponse);
        Assert.False(turns[1].Response.Safety.Crisis);
        Assert.Equal(12, turns[1].State.CrisisResolvedTurn);
        Assert.Equal(["crisis_resolved"], turns[1].AuditEvents.Select(e => e.Type));
    }

    [Fact]
    public async Task SafeAnswerIn12RunsTheSelectorOnAnEmptyAnswerWithItsEffects()
    {
        var start = StateIn(Substates.ProblemAndBody, QuestionKind.Problem);
        start.Stage1Completion.ProblemIdentified = true;
        start.ProblemTopics = ["work"];
        start.ProblemQuestionAsked = true;
        var turns = await RunAsync(start, "crisis", "safe");
        var s = turns[1].State;
        Assert.Equal(QuestionKind.BodyEntry, s.LastQuestionKind);
        Assert.NotNull(s.Cycle);
        Assert.Equal(1, s.Cycle!.LocationAsks);
        Assert.Equal("work", s.Cycle.Focus);
        Assert.Equal("safety_followup", Decision(turns[1]));
    }

    [Fact]
    public async Task CrisisDuringTheExerciseResetsItToPermission()
    {
        var start = StateIn(Substates.AlphaSequence, QuestionKind.AlphaCheckpoint);
        start.AlphaStep = AlphaStep.Tongue;
        start.PermissionDeclines = 1;
        var turns = await RunAsync(start, "crisis", "safe", "yes");
        var s = turns[0].State;
        Assert.Equal(Substates.AlphaPermission, s.CurrentSubstate);
        Assert.False(s.AlphaStarted);
        Assert.Equal(AlphaStep.None, s.AlphaStep);
        Assert.Equal(0, s.PermissionAsks);
        Assert.Equal(0, s.PermissionDeclines);
        Assert.Equal(QuestionKind.Permission, s.PendingBeforeCrisis);
        Assert.Contains(s.CompletionEvents, e => e.Detail == $"{Substates.AlphaSequence} -> {Substates.AlphaPermission} (crisis)");
        Assert.Equal(QuestionKind.Permission, turns[1].State.LastQuestionKind);
        Assert.Equal(0, turns[1].State.PermissionAsks);
        Assert.Equal(Substates.AlphaSequence, Sub(turns[2]));
        Assert.Equal(AlphaStep.Jaw, turns[2].State.AlphaStep);
    }

    [Fact]
    public async Task CrisisAfterCompletionKeepsStatusCompleted()
    {
        var start = StateIn(Substates.Complete, QuestionKind.Closing);
        start.Status = "completed";
        start.CompletedAt = EngineHarness.T0;
        start.SessionConclusionGiven = true;
        var turns = await RunAsync(start, "crisis", "safe", "plain");
        Assert.Equal("crisis_response", Decision(turns[0]));
        Assert.All(turns, t => Assert.Equal("completed", t.State.Status));
        Assert.All(turns, t => Assert.Equal(EngineHarness.T0, t.State.CompletedAt));
        Assert.Equal(Substates.Complete, Sub(turns[1]));
        Assert.Equal("close_session", Decision(turns[2]));
    }

    [Fact]
    public async Task AuditEventsCarryTheCallersAuditRefAndNoText()
    {
        var start = StateIn(Substates.GoalAndVision, QuestionKind.Goal, "audit-session-42");
        var turns = await RunAsync(start, "crisis", "denial");
        var audit = turns[0].AuditEvents.Single();
        Assert.Equal("crisis_detected", audit.Type);
        // The engine never derives a reference from the session id: it uses the one the caller computed.
        Assert.Equal(EngineTurns.AuditRef, audit.SessionRef);
        Assert.Equal(["crisis-cue-1"], audit.CueIds);
        Assert.Equal("moderate", audit.RiskLevel);
        Assert.Equal("crisis_moderate", audit.ReplyIntent);
        Assert.True(audit.ResourcesShown);
        Assert.Equal("fake", audit.DetectorDataVersion);
        var json = JsonSerializer.Serialize(turns.SelectMany(t => t.AuditEvents));
        Assert.DoesNotContain("crisis\"", json.Replace("crisis_", ""));
        Assert.Contains("safety_denial_noted", turns[1].AuditEvents.Select(e => e.Type));
    }
}
