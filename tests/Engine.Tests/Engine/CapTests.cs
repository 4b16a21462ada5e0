using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Engine.Tests.Engine;

/// <summary>§16: every loop ends.</summary>
public sealed class CapTests : RuleTestBase
{
    [Fact]
    public async Task GoalCapSuggestsTheDefaultGoalWithAVision()
    {
        var turns = await RunAsync(EngineStateFresh(), "plain", "plain", "plain", "plain");
        Assert.Equal(["clarify_goal", "clarify_goal", "clarify_goal", "build_vision"], turns.Select(Decision));
        var s = turns[^1].State;
        Assert.Equal("at ease", s.DesiredState);
        Assert.Equal("calmer and more at ease", s.DesiredStatePhrase);
        Assert.True(s.GoalInferred);
        Assert.True(s.Stage1Completion.GoalStated);
        Assert.True(s.Stage1Completion.VisionPresented);
        Assert.Equal(QuestionKind.VisionCheck, s.LastQuestionKind);
        Assert.Contains("calmer and more at ease", turns[^1].Response.TherapistResponse);
    }

    [Fact]
    public async Task IdkAnswersGetTheGoalMenuAndProblemTalkIsTurnedToTheOutcome()
    {
        var turns = await RunAsync(EngineStateFresh(), "plain", "idk", "work");
        Assert.Equal(["R11-4", "R11-2", "R11-3"], turns.Select(t => t.Response.Navigation.Rule.Text()));
        Assert.Equal("dr_q_redirect_outcome", turns[2].Response.Navigation.RagQuery);
    }

    [Fact]
    public async Task VisionCapAcceptsImplicitlyOnTheNextAnswer()
    {
        var turns = await RunAsync(EngineStateFresh(), "calm goal", "plain", "plain", "plain");
        Assert.Equal(["build_vision", "build_vision", "build_vision", "provide_psycho_education"], turns.Select(Decision));
        var s = turns[^1].State;
        Assert.True(s.Stage1Completion.VisionAccepted);
        Assert.True(s.VisionAcceptedImplicitly);
        Assert.Equal(Substates.PsychoEducation, s.CurrentSubstate);
    }

    [Fact]
    public async Task RestatingTheGoalAcceptsTheVisionAndADifferentGoalIsPresentedAfresh()
    {
        var turns = await RunAsync(EngineStateFresh(), "calm goal", "peace goal", "peace goal");
        Assert.Equal(["R11-6", "R11-6", "R115-1"], turns.Select(t => t.Response.Navigation.Rule.Text()));
        Assert.Equal("peaceful", turns[1].State.DesiredState);
        Assert.False(turns[1].State.VisionAcceptedImplicitly);
    }

    [Fact]
    public async Task BodyLimitLeavesProblemAndBodyAndNoBodyQuestionFollows()
    {
        var start = StateIn(Substates.ProblemAndBody, QuestionKind.BodyLocation);
        start.Cycle = new BodyCycle { Focus = "it", LocationAsks = 1 };
        start.BodyEnquiryCycles = 1;
        start.Stage1Completion.ProblemIdentified = true;
        start.ProblemQuestionAsked = true;
        var turns = await RunAsync(start, "nothing", "nothing", "nothing", "chest tight", "plain", "plain");
        Assert.Equal([1, 2, 3], turns.Take(3).Select(t => t.State.BodyQuestionCount));
        Assert.Equal(Substates.AssessReadiness, Sub(turns[2]));
        Assert.Contains(turns[2].State.CompletionEvents, e => e.Detail.EndsWith("(body_limit)"));
        foreach (var t in turns.Skip(3))
        {
            Assert.DoesNotContain(t.Response.Navigation.Decision, new[] { "body_awareness_inquiry", "body_symptoms_exploration", "present_moment_focus" });
        }

        Assert.Equal(Substates.AlphaPermission, Sub(turns[^1])); // readiness cap (2) after R31-1 + R31-5
    }

    [Fact]
    public async Task RedirectCapAsksPermissionDirectly()
    {
        var start = StateIn(Substates.ProblemAndBody, QuestionKind.BodyEntry);
        start.Cycle = new BodyCycle { Focus = "work", LocationAsks = 1 };
        var turns = await RunAsync(start, "past", "thinking", "past", "thinking");
        Assert.Equal(["redirect_past_tense", "redirect_thinking_mode", "redirect_past_tense", "request_alpha_permission"],
            turns.Select(Decision));
        Assert.Equal(Substates.AlphaPermission, Sub(turns[3]));
        Assert.Equal("dr_q_transition_to_intervention", turns[3].Response.Navigation.RagQuery);
        Assert.Equal(1, turns[3].State.PermissionAsks);
        Assert.Equal(0, turns[3].State.BodyQuestionCount);
    }

    [Fact]
    public async Task ReadinessCapMovesToPermission()
    {
        var turns = await RunAsync(StateIn(Substates.AssessReadiness, QuestionKind.Readiness), "plain", "plain");
        Assert.Equal(["assess_readiness", "request_alpha_permission"], turns.Select(Decision));
        Assert.Equal(2, turns[0].State.ReadinessAsks);
        Assert.Contains(turns[1].State.CompletionEvents, e => e.Detail.EndsWith("(readiness_cap)"));
    }

    [Fact]
    public async Task TwoPermissionDeclinesCloseTheSession()
    {
        var turns = await RunAsync(StateIn(Substates.AlphaPermission, QuestionKind.Permission), "no", "no");
        Assert.Equal(["R315-2", "R40-2"], turns.Select(t => t.Response.Navigation.Rule.Text()));
        var s = turns[^1].State;
        Assert.Equal(Substates.Complete, s.CurrentSubstate);
        Assert.Equal("alpha_declined", s.ClosingReason);
        Assert.Equal("completed", s.Status);
        Assert.False(s.Stage1Completion.ReadyForStage2);
        Assert.True(s.SessionConclusionGiven);
    }

    [Fact]
    public async Task PermissionAsksCapClosesAfterTheThirdQuestion()
    {
        var turns = await RunAsync(StateIn(Substates.AlphaPermission, QuestionKind.Permission), "plain", "plain", "plain");
        Assert.Equal([2, 3], turns.Take(2).Select(t => t.State.PermissionAsks));
        Assert.Equal(Substates.Complete, Sub(turns[2]));
    }

    [Fact]
    public async Task AlphaRetriesMoveOnAfterTwoAndStopEndsTheExercise()
    {
        var turns = await RunAsync(StateIn(Substates.AlphaSequence, QuestionKind.AlphaCheckpoint),
            "tense", "same", "plain", "calm", "stop");
        Assert.Equal([1, 2, 0, 0], turns.Take(4).Select(t => t.State.AlphaStepAttempts));
        Assert.Equal([AlphaStep.Jaw, AlphaStep.Jaw, AlphaStep.Tongue, AlphaStep.Breath], turns.Take(4).Select(t => t.State.AlphaStep));
        var s = turns[^1].State;
        Assert.Equal(Substates.Complete, s.CurrentSubstate);
        Assert.True(s.AlphaStopped);
        Assert.False(s.AlphaComplete);
        Assert.Equal("alpha_stopped", s.ClosingReason);
        Assert.False(s.Stage1Completion.ReadyForStage2);
    }

    [Fact]
    public async Task NonCalmAtTheBreathCapStillCompletesTheExercise()
    {
        var start = StateIn(Substates.AlphaSequence, QuestionKind.AlphaCheckpoint);
        start.AlphaStep = AlphaStep.Breath;
        var turns = await RunAsync(start, "tense", "tense", "tense");
        Assert.Equal(Substates.Complete, Sub(turns[2]));
        Assert.True(turns[2].State.AlphaComplete);
        Assert.True(turns[2].State.Stage1Completion.ReadyForStage2);
        Assert.Equal(QuestionKind.CompletionCheck, turns[2].State.LastQuestionKind);
    }

    [Fact]
    public async Task SilenceKeepsThePendingQuestionAndOffersAPauseFromTheThird()
    {
        var start = StateIn(Substates.ProblemAndBody, QuestionKind.Problem);
        var turns = await RunAsync(start, "...", "  ", "?", "plain");
        Assert.Equal([1, 2, 3, 0], turns.Select(t => t.State.SilenceStreak));
        Assert.All(turns.Take(3), t => Assert.Equal("engagement_check", Decision(t)));
        Assert.All(turns.Take(3), t => Assert.Equal(QuestionKind.Problem, t.State.LastQuestionKind));
        Assert.All(turns.Take(3), t => Assert.Equal(0, t.State.TurnsInSubstate));
        Assert.False(turns[1].State.HandoffRecommended);
        Assert.True(turns[2].State.HandoffRecommended);
        Assert.NotEqual(turns[0].Response.TherapistResponse, turns[2].Response.TherapistResponse);
        Assert.Equal(Substates.ProblemAndBody, Sub(turns[2]));
        Assert.Equal(4, turns[3].Response.Turn - 10); // silence turns count as turns
    }

    [Fact]
    public async Task SafetyFollowUpCapRecommendsHandoffAndTheHoldContinues()
    {
        var turns = await RunAsync(EngineStateFresh(), "crisis", "unclear", "unsafe", "unclear", "plain", "safe");
        Assert.Equal([1, 2, 3, 4, 0], turns.Skip(1).Select(t => t.State.SafetyFollowups));
        Assert.Contains("crisis_unresolved", turns[3].AuditEvents.Select(e => e.Type));
        Assert.DoesNotContain("crisis_unresolved", turns[4].AuditEvents.Select(e => e.Type));
        Assert.True(turns[3].State.HandoffRecommended);
        Assert.All(turns.Skip(1).Take(4), t => Assert.Equal("safety_followup", Decision(t)));
        Assert.All(turns.Skip(1).Take(4), t => Assert.True(t.Response.Safety.Crisis));
        Assert.False(turns[5].State.AwaitingSafetyAnswer);
        Assert.Equal("low", turns[5].Response.Safety.RiskLevel);
        Assert.EndsWith("?", turns[3].Response.TherapistResponse);
        Assert.True(turns[3].Response.TherapistResponse.Length > turns[1].Response.TherapistResponse.Length - 5);
    }

    [Theory]
    [InlineData(Substates.GoalAndVision, 12, QuestionKind.Goal, Substates.PsychoEducation)]
    [InlineData(Substates.PsychoEducation, 3, QuestionKind.EducationCheck, Substates.ProblemAndBody)]
    [InlineData(Substates.ProblemAndBody, 15, QuestionKind.Problem, Substates.AssessReadiness)]
    [InlineData(Substates.AssessReadiness, 8, QuestionKind.Open, Substates.AlphaPermission)]
    [InlineData(Substates.AlphaPermission, 5, QuestionKind.Permission, Substates.Complete)]
    [InlineData(Substates.AlphaSequence, 12, QuestionKind.AlphaCheckpoint, Substates.Complete)]
    public async Task BackstopExitsTheSubstateWhenNoOtherTransitionFires(string substate, int cap, QuestionKind pending, string exit)
    {
        var start = StateIn(substate, pending);
        if (substate == Substates.GoalAndVision)
        {
            start.Stage1Completion.GoalStated = false;
            start.Stage1Completion.VisionAccepted = false;
            start.DesiredState = start.DesiredStatePhrase = null;
        }

        if (substate == Substates.PsychoEducation)
        {
            start.Stage1Completion.EducationUnderstood = false;
        }

        // An answer that keeps the substate one turn before the cap, and leaves it at the cap.
        var input = substate == Substates.PsychoEducation ? "confused" : "plain";
        start.TurnsInSubstate = cap - 1;
        var before = await RunAsync(start, input);
        Assert.Equal(substate, Sub(before[0]));
        start.TurnsInSubstate = cap;
        var turns = await RunAsync(start, input);
        var s = turns[0].State;
        Assert.Equal(exit, s.CurrentSubstate);
        Assert.Contains(s.CompletionEvents, e => e.Event == "substate_advanced" && e.Detail.StartsWith(substate) && e.Detail.EndsWith("(backstop)"));
        Assert.False(s.Stage1Completion.ReadyForStage2);
        Assert.False(s.AlphaComplete);
        if (exit == Substates.Complete)
        {
            Assert.Equal("R40-2", turns[0].Response.Navigation.Rule.Text());
            Assert.Equal("completed", s.Status);
        }

        if (substate == Substates.GoalAndVision)
        {
            Assert.Equal("at ease", s.DesiredState);
            Assert.True(s.VisionAcceptedImplicitly);
        }

        if (substate == Substates.AlphaSequence)
        {
            Assert.True(s.AlphaStopped);
        }
    }

    [Fact]
    public async Task GeneralInquiryIsNotOfferedAfterTwoInARow()
    {
        var start = StateIn(Substates.AssessReadiness, QuestionKind.Readiness);
        start.ReadinessAsks = 0;
        start.GeneralInquiryStreak = 2;
        var turns = await RunAsync(start, "yes");
        Assert.Equal("assess_readiness", Decision(turns[0]));
        Assert.Equal(0, turns[0].State.GeneralInquiryStreak);
    }

    private static EngineState EngineStateFresh() => EngineState.Create("cap-session", EngineHarness.T0);
}
