using TrtOrleans.Therapy.Contracts;
using static TrtOrleans.Engine.Tests.Engine.EngineHarness;

namespace TrtOrleans.Engine.Tests.Engine;

/// <summary>The worked conversations W6–W8 of the December 2026 amendments (docs/engine.md "Amendments"), turn by
/// turn, on the shipped detectors and templates.</summary>
public sealed class AmendmentConversationTests
{
    private static async Task<List<TurnResult>> AssertScriptAsync(string sessionId, (string Input, string Substate, string[] Decisions)[] script)
    {
        var (_, turns) = await RunAsync(Real(), sessionId, script.Select(s => s.Input));
        for (var i = 0; i < script.Length; i++)
        {
            var (input, substate, decisions) = script[i];
            var actual = $"{i + 1} [{input}]: {Short(turns[i].Response.SessionProgress.CurrentSubstate)} / {turns[i].Response.Navigation.Decision}";
            var accepted = decisions.Select(d => $"{i + 1} [{input}]: {substate} / {d}").ToList();
            Assert.True(accepted.Contains(actual), $"expected {string.Join(" or ", accepted)}, got {actual}");
        }

        return turns;
    }

    [Fact]
    public async Task W6FillersBeforeAGoalAreNotGoals()
    {
        var turns = await AssertScriptAsync("w6-session",
        [
            ("hey. rough week", "1.1", ["clarify_goal"]),
            ("ok", "1.1", ["clarify_goal"]),
            ("i guess just calm", "1.1", ["build_vision"]),
        ]);
        Assert.False(turns[1].State.Stage1Completion.GoalStated);
        Assert.Equal("calm", turns[2].State.DesiredState);
    }

    [Fact]
    public async Task W7AnInferredGoalIsOfferedNeverAttributed()
    {
        var turns = await AssertScriptAsync("w7-session",
        [
            ("I just want to be better", "1.1", ["build_vision"]),
            ("not sure honestly", "1.1", ["build_vision"]),
            ("yes that would be nice", "1.1.5", ["provide_psycho_education"]),
        ]);
        var offer = turns[1].Response.TherapistResponse;
        Assert.Contains("lighter and more at ease", offer);
        Assert.DoesNotContain("you'd like", offer, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("you want", offer, StringComparison.OrdinalIgnoreCase);
        Assert.True(turns[2].State.Stage1Completion.VisionAccepted);
    }

    [Fact]
    public async Task W8EarlyBodyWordsAreKeptEasingIsPresenceAndGoodbyeCloses()
    {
        var turns = await AssertScriptAsync("w8-session",
        [
            ("I want to feel at peace", "1.1", ["build_vision"]),
            ("yes", "1.1.5", ["provide_psycho_education"]),
            ("I get that. my jaw is clenched even now", "1.2", ["explore_problem"]),
            ("my brother and the inheritance", "1.2", ["pattern_inquiry"]),
            ("as soon as his name comes up on my phone", "3.1", ["assess_readiness"]),
            ("the clenching is easing a bit as we talk", "3.1", ["assess_readiness"]),
            ("anyway I have to go now, bye", "complete", ["close_session"]),
        ]);
        Assert.True(turns[3].State.Stage1Completion.PresentMomentFocus);
        Assert.Equal(RuleId.R12_S6, turns[3].Response.Navigation.Rule);
        Assert.Equal(0, turns[5].State.BodyQuestionCount);
        Assert.Equal("completed", turns[6].State.Status);
        Assert.Equal(RuleId.A7, turns[6].Response.Navigation.Rule);
    }
}
