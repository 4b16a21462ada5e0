using TrtOrleans.Therapy.Contracts;
using static TrtOrleans.Engine.Tests.Engine.EngineHarness;

namespace TrtOrleans.Engine.Tests.Engine;

/// <summary>The worked conversations of trt-engine.md §17, turn by turn, on the shipped detectors and templates.</summary>
public sealed class WorkedConversationTests
{
    private static async Task AssertScriptAsync(string sessionId, (string Input, string Substate, string Decision)[] script,
        EngineState? start = null)
    {
        var (_, turns) = await RunAsync(Real(), sessionId, script.Select(s => s.Input), start);
        var expected = script.Select((s, i) => $"{i + 1} [{s.Input}]: {s.Substate} / {s.Decision}").ToList();
        var actual = turns.Select((t, i) =>
            $"{i + 1} [{script[i].Input}]: {Short(t.Response.SessionProgress.CurrentSubstate)} / {t.Response.Navigation.Decision}").ToList();
        Assert.Equal(expected, actual);
        Assert.All(turns, t => Assert.Equal(t.Response.SessionProgress.CurrentSubstate, t.Response.Navigation.NextState));
        Assert.All(turns, t => Assert.False(string.IsNullOrWhiteSpace(t.Response.TherapistResponse)));
    }

    [Fact]
    public async Task W1StraightPathReachesCompletionAndClosing()
    {
        (string, string, string)[] script =
        [
            ("Hi. I've been on edge for weeks.", "1.1", "clarify_goal"),
            ("I'd like to feel settled again", "1.1", "build_vision"),
            ("Yes, that's exactly it", "1.1.5", "provide_psycho_education"),
            ("Makes sense to me", "1.2", "explore_problem"),
            ("Money. The rent went up and I can't cover it", "1.2", "body_awareness_inquiry"),
            ("A tight band across my chest", "1.2", "present_moment_focus"),
            ("Yes, it's there right now", "1.2", "pattern_inquiry"),
            ("I notice it every time I open my banking app", "3.1", "assess_readiness"),
            ("No, that covers it", "3.1.5", "request_alpha_permission"),
            ("Sure, let's try", "3.2", "alpha_sequence"),
            ("A little calmer", "3.2", "alpha_sequence"),
            ("Calmer again", "3.2", "alpha_sequence"),
            ("Much more relaxed", "complete", "close_session"),
            ("Lighter, thank you", "complete", "close_session"),
        ];
        await AssertScriptAsync("w1-session", script);

        var (state, turns) = await RunAsync(Real(), "w1-session", script.Select(s => s.Item1));
        Assert.Equal("completed", state.Status);
        Assert.NotNull(state.CompletedAt);
        Assert.True(state.Stage1Completion.ReadyForStage2);
        Assert.Equal("calm", state.DesiredState);
        Assert.Equal("alpha_complete", state.ClosingReason);
        Assert.Equal("completed", turns[12].State.Status);
        Assert.Equal(AlphaStep.Jaw, turns[9].State.AlphaStep);
        Assert.Equal(AlphaStep.Tongue, turns[10].State.AlphaStep);
        Assert.Equal(AlphaStep.Breath, turns[11].State.AlphaStep);
        Assert.True(state.SessionConclusionGiven);
        Assert.All(state.CompletionCriteriaMap().Values, Assert.True);
    }

    [Fact]
    public async Task W2ClientWhoDoesNotKnowGetsMenuDefaultGoalAndBodyLimit()
    {
        (string, string, string)[] script =
        [
            ("no idea, honestly", "1.1", "clarify_goal"),
            ("hmm, dunno", "1.1", "clarify_goal"),
            ("I really don't know", "1.1", "clarify_goal"),
            ("still nothing comes to me", "1.1", "build_vision"),
            ("maybe", "1.1", "build_vision"),
            ("I guess so", "1.1.5", "provide_psycho_education"),
            ("ok", "1.2", "explore_problem"),
            ("don't know", "1.2", "body_awareness_inquiry"),
            ("no clue", "1.2", "body_awareness_inquiry"),
            ("not sure", "1.2", "present_moment_focus"),
            ("dunno", "3.1", "assess_readiness"),
        ];
        await AssertScriptAsync("w2-session", script);

        var (state, turns) = await RunAsync(Real(), "w2-session", script.Select(s => s.Item1));
        Assert.Equal(3, turns[2].State.GoalAttempts);
        Assert.Equal("at ease", state.DesiredState);
        Assert.True(state.GoalInferred);
        Assert.Equal(3, state.BodyQuestionCount);
        Assert.Equal(QuestionKind.Readiness, state.LastQuestionKind);
        Assert.Contains(state.CompletionEvents, e => e.Detail.Contains("(body_limit)"));
    }

    [Fact]
    public async Task W3CrisisAndFollowUpResumeWithTheGoalQuestion()
    {
        string[] inputs =
        [
            "Work has been brutal and I'm exhausted",
            "Lately I keep thinking it'd be easier to not exist",
            "I'd rather talk about work",
            "Yes, I'm safe. My partner is home with me.",
            "I'd like to feel less drained",
        ];
        var (state, turns) = await RunAsync(Real(), "w3-session", inputs);
        var actual = turns.Select(t => $"{Short(t.Response.SessionProgress.CurrentSubstate)} {t.Response.Navigation.Decision} {t.Response.Safety.Crisis} {t.Response.Safety.RiskLevel}");
        Assert.Equal(
        [
            "1.1 clarify_goal False none",
            "1.1 crisis_response True moderate",
            "1.1 safety_followup True moderate",
            "1.1 safety_followup False low",
            "1.1 build_vision False none",
        ], actual);

        Assert.EndsWith("?", turns[1].Response.TherapistResponse);
        Assert.Single(turns[1].Response.TherapistResponse, '?');
        Assert.NotEmpty(turns[1].Response.Safety.Resources);
        Assert.Empty(turns[0].Response.Safety.Resources);
        Assert.Equal(QuestionKind.Goal, turns[3].State.LastQuestionKind);
        Assert.Equal(1, turns[3].State.GoalAttempts); // the re-entry question counts toward no attempt
        Assert.Equal(["crisis_detected"], turns[1].AuditEvents.Select(e => e.Type));
        Assert.Equal(["safety_followup_unclear"], turns[2].AuditEvents.Select(e => e.Type));
        Assert.Equal(["crisis_resolved"], turns[3].AuditEvents.Select(e => e.Type));
        Assert.False(state.CrisisActive);
        Assert.Equal(RiskLevel.Moderate, state.CrisisRiskLevel);
        Assert.Equal("at ease", state.DesiredState);
    }

    [Fact]
    public async Task W4NoBodyAwarenessWithOneThinkingRedirect()
    {
        (string, string, string)[] script =
        [
            ("I'm worn out by constant arguments with my brother", "1.1", "clarify_goal"),
            ("To feel at peace with him", "1.1", "build_vision"),
            ("Yeah", "1.1.5", "provide_psycho_education"),
            ("Okay", "1.2", "explore_problem"),
            ("The arguing, mostly", "1.2", "body_awareness_inquiry"),
            ("I think it's because we never learned to talk", "1.2", "redirect_thinking_mode"),
            ("I don't really feel anything physical", "1.2", "body_awareness_inquiry"),
            ("Honestly nothing, no", "1.2", "present_moment_focus"),
            ("Not that I can tell", "3.1", "assess_readiness"),
            ("Nope", "3.1.5", "request_alpha_permission"),
        ];
        await AssertScriptAsync("w4-session", script);
        var (state, _) = await RunAsync(Real(), "w4-session", script.Select(s => s.Item1));
        Assert.Equal("peaceful", state.DesiredState);
        Assert.Equal(1, state.ThinkingRedirects);
    }

    [Fact]
    public async Task W5TensionDuringTheExerciseMovesOnAfterTwoRetries()
    {
        var start = await PermissionPendingStateAsync("w5-session");
        Assert.Equal(Substates.AlphaPermission, start.CurrentSubstate);
        Assert.Equal(QuestionKind.Permission, start.LastQuestionKind);

        (string, string, string)[] script =
        [
            ("okay, I'll give it a go", "3.2", "alpha_sequence"),
            ("it feels odd, tighter", "3.2", "alpha_sequence"),
            ("still tight", "3.2", "alpha_sequence"),
            ("about the same really", "3.2", "alpha_sequence"),
            ("better", "3.2", "alpha_sequence"),
            ("calm", "complete", "close_session"),
        ];
        await AssertScriptAsync("w5-session", script, start);

        var (state, turns) = await RunAsync(Real(), "w5-session", script.Select(s => s.Item1), start);
        Assert.Equal([AlphaStep.Jaw, AlphaStep.Jaw, AlphaStep.Jaw, AlphaStep.Tongue, AlphaStep.Breath, AlphaStep.Done],
            turns.Select(t => t.State.AlphaStep));
        Assert.Equal([0, 1, 2, 0, 0, 0], turns.Select(t => t.State.AlphaStepAttempts));
        Assert.Equal(["jaw:same", "tongue:calm", "breath:calm"], state.AlphaCheckpoints.Select(c => $"{c.Step}:{c.Result}"));
        Assert.True(state.Stage1Completion.ReadyForStage2);
        Assert.Equal("completed", state.Status);
    }

    /// <summary>Runs W1's opening on the real engine up to the pending permission question.</summary>
    internal static async Task<EngineState> PermissionPendingStateAsync(string sessionId)
    {
        string[] path =
        [
            "Hi. I've been on edge for weeks.",
            "I'd like to feel settled again",
            "Yes, that's exactly it",
            "Makes sense to me",
            "Money. The rent went up and I can't cover it",
            "A tight band across my chest",
            "Yes, it's there right now",
            "I notice it every time I open my banking app",
            "No, that covers it",
        ];
        var (state, _) = await RunAsync(Real(), sessionId, path);
        return state;
    }
}
