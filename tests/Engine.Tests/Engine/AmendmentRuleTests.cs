using TrtOrleans.Therapy.Contracts;
using static TrtOrleans.Engine.Tests.Engine.EngineHarness;

namespace TrtOrleans.Engine.Tests.Engine;

/// <summary>Amendments A2, A3, A4 and A7 rule by rule, on the shipped detectors (docs/engine.md "Amendments").</summary>
public sealed class AmendmentRuleTests : RuleTestBase
{
    private static async Task<List<TurnResult>> Real(EngineState start, params string[] inputs) =>
        (await EngineHarness.RunAsync(EngineHarness.Real(), start.SessionId, inputs, start)).Turns;

    [Theory]
    [InlineData("okay, bye")]
    [InlineData("sure, but I have to go now")]
    [InlineData("ok gotta go")]
    [InlineData("that's enough for today")]
    [InlineData("no, bye")]
    public async Task A7LeaveTakingAtThePermissionQuestionIsADeclineThatCloses(string input)
    {
        var turns = await Real(StateIn(Substates.AlphaPermission, QuestionKind.Permission), input);
        Assert.Equal(Substates.Complete, Sub(turns[0]));
        Assert.Equal("close_session", Decision(turns[0]));
        Assert.Equal(RuleId.A7, turns[0].Response.Navigation.Rule);
        Assert.False(turns[0].State.AlphaStarted);
        Assert.Equal("alpha_declined", turns[0].State.ClosingReason);
        Assert.DoesNotContain("jaw", turns[0].Response.TherapistResponse, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A7LeaveTakingDuringTheExerciseStopsItAndCloses()
    {
        var turns = await Real(StateIn(Substates.AlphaSequence, QuestionKind.AlphaCheckpoint), "calmer, but I need to go");
        Assert.Equal(Substates.Complete, Sub(turns[0]));
        Assert.True(turns[0].State.AlphaStopped);
        Assert.False(turns[0].State.Stage1Completion.ReadyForStage2);
        Assert.Equal("completed", turns[0].State.Status);
    }

    [Fact]
    public async Task A7LeaveTakingElsewhereClosesTheSessionAndInvitesThemBack()
    {
        var start = StateIn(Substates.ProblemAndBody, QuestionKind.Problem);
        var turns = await Real(start, "sorry, got to go, see you");
        Assert.Equal("close_session", Decision(turns[0]));
        Assert.Equal("completed", turns[0].State.Status);
        Assert.Equal("client_left", turns[0].State.ClosingReason);
        Assert.True(turns[0].State.SessionConclusionGiven);
    }

    [Fact]
    public async Task A7ACrisisGateAlwaysWinsOverLeaveTaking()
    {
        var turns = await Real(StateIn(Substates.AlphaPermission, QuestionKind.Permission), "bye, I want to kill myself");
        Assert.Equal("crisis_response", Decision(turns[0]));
        Assert.Equal(Substates.AlphaPermission, Sub(turns[0]));
    }

    [Fact]
    public async Task A7ANegatedLeaveTakingCueDoesNotClose()
    {
        var turns = await Real(StateIn(Substates.GoalAndVision, QuestionKind.Goal), "I don't have to go anywhere today");
        Assert.NotEqual(Substates.Complete, Sub(turns[0]));
    }

    [Fact]
    public async Task A2TheDefaultGoalAndTheUnrefinedGoalAreOfferedNotAttributed()
    {
        var start = StateIn(Substates.GoalAndVision, QuestionKind.GoalRefine);
        start.Stage1Completion.VisionPresented = start.Stage1Completion.VisionAccepted = false;
        start.DesiredState = "vague";
        start.DesiredStatePhrase = "better";
        start.GoalRefineAsked = true;
        start.VisionAttempts = 1;
        var turns = await Real(start, "hmm not sure");
        Assert.Equal("build_vision", Decision(turns[0]));
        Assert.True(turns[0].State.GoalInferred);
        var reply = turns[0].Response.TherapistResponse;
        Assert.Contains("lighter and more at ease", reply);
        Assert.DoesNotContain("So you'd like", reply);

        // A goal the client then states in their own words is restated as theirs.
        var next = await Real(turns[0].State, "no, I want to feel confident");
        Assert.False(next[0].State.GoalInferred);
    }

    [Fact]
    public async Task A3BodyWordsFromTheGoalStageAreNeverAskedForAgain()
    {
        var (_, turns) = await EngineHarness.RunAsync(EngineHarness.Real(), "a3-session",
        [
            "I want to feel calm, my shoulders are so tight", "yes", "okay", "work, mostly deadlines",
        ]);
        Assert.Equal(Substates.ProblemAndBody, Sub(turns[3]));
        Assert.NotEqual(RuleId.R12_S3, turns[3].Response.Navigation.Rule);
        Assert.NotEqual(RuleId.R12_S4, turns[3].Response.Navigation.Rule);
        Assert.NotEqual(RuleId.R12_S2b, turns[3].Response.Navigation.Rule);
        Assert.True(turns[3].State.Cycle!.LocationGiven);
        Assert.True(turns[3].State.Cycle!.SensationGiven);
    }

    [Theory]
    [InlineData("the tightness is easing")]
    [InlineData("it's a bit lighter now")]
    [InlineData("the clenching is easing a bit as we talk")]
    public async Task A4ASensationChangingIn31IsPresenceNotANewComplaintToLocate(string input)
    {
        var start = StateIn(Substates.AssessReadiness, QuestionKind.Readiness);
        start.BodyEnquiryCycles = 1;
        var turns = await Real(start, input);
        Assert.Equal(RuleId.R31_5, turns[0].Response.Navigation.Rule);
        Assert.Equal(1, turns[0].State.BodyEnquiryCycles);
        Assert.True(turns[0].State.Stage1Completion.PresentMomentFocus);
        Assert.Equal(0, turns[0].State.BodyQuestionCount);
    }

    [Fact]
    public async Task A4AChangeWithANewPlaceStillOpensCycleTwo()
    {
        var start = StateIn(Substates.AssessReadiness, QuestionKind.Readiness);
        start.BodyEnquiryCycles = 1;
        var turns = await Real(start, "my stomach is getting heavier now");
        Assert.Equal(2, turns[0].State.BodyEnquiryCycles);
        Assert.True(turns[0].State.Cycle!.LocationGiven);
    }
}
