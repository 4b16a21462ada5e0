using TrtOrleans.Therapy.Contracts;
using static TrtOrleans.Engine.Tests.Engine.EngineHarness;

namespace TrtOrleans.Engine.Tests.Engine;

/// <summary>Further paths on the shipped detectors: the engine and the lexicons agree on everyday answers.</summary>
public sealed class RealPathTests
{
    private static async Task<List<TurnResult>> FromPermissionAsync(string session, params string[] inputs)
    {
        var start = await WorkedConversationTests.PermissionPendingStateAsync(session);
        var (_, turns) = await RunAsync(Real(), session, inputs, start);
        return turns;
    }

    [Fact]
    public async Task HesitantAnswersToThePermissionQuestionAreNotConsent()
    {
        var turns = await FromPermissionAsync("real-perm", "what would that involve?", "okay, but not now", "no thanks");
        Assert.Equal([Substates.AlphaPermission, Substates.AlphaPermission, Substates.Complete],
            turns.Select(t => t.State.CurrentSubstate));
        Assert.Equal(["R315-2", "R315-2", "R40-2"], turns.Select(t => t.Response.Navigation.Rule.Text()));
        Assert.Equal("alpha_declined", turns[^1].State.ClosingReason);
        Assert.Equal("completed", turns[^1].State.Status);
    }

    [Fact]
    public async Task StopDuringTheExerciseClosesWithoutIt()
    {
        var turns = await FromPermissionAsync("real-stop", "yes", "I want to stop");
        Assert.Equal(Substates.Complete, turns[^1].State.CurrentSubstate);
        Assert.True(turns[^1].State.AlphaStopped);
        Assert.False(turns[^1].State.Stage1Completion.ReadyForStage2);
    }

    [Fact]
    public async Task NewMaterialAfterTheReadinessQuestionOpensASecondBodyCycle()
    {
        string[] path =
        [
            "Hi. I've been on edge for weeks.", "I'd like to feel settled again", "Yes, that's exactly it",
            "Makes sense to me", "Money. The rent went up and I can't cover it", "A tight band across my chest",
            "Yes, it's there right now", "I notice it every time I open my banking app",
            "Also my boss keeps shouting and I feel scared", "In my stomach", "Like a heavy knot",
        ];
        var (state, turns) = await RunAsync(Real(), "real-cycle2", path);
        Assert.Equal(["R31-2", "R31-3"], turns.Skip(8).Take(2).Select(t => t.Response.Navigation.Rule.Text()));
        Assert.Equal("body_enquiry_cycle_2", turns[8].Response.Navigation.SituationType);
        Assert.Equal(2, state.BodyEnquiryCycles);
        Assert.Equal(Substates.AssessReadiness, state.CurrentSubstate);
        Assert.Contains("stomach", state.BodyLocations);
    }

    [Fact]
    public async Task PastTenseStoryDuringBodyWorkIsRedirectedToThePresent()
    {
        string[] path =
        [
            "I'm worn out by constant arguments with my brother", "To feel at peace with him", "Yeah", "Okay",
            "The arguing, mostly", "Back when we were kids he used to hit me",
        ];
        var (state, turns) = await RunAsync(Real(), "real-past", path);
        Assert.Equal("redirect_past_tense", turns[^1].Response.Navigation.Decision);
        Assert.Equal(1, state.PastRedirects);
        Assert.Equal(QuestionKind.Redirect, state.LastQuestionKind);
    }
}
