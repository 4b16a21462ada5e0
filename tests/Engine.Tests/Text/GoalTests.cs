using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Engine.Tests.Text;

public class GoalTests
{
    private static GoalAnalysis G(string s, QuestionKind pending = QuestionKind.None) =>
        Analyzer.Instance.Analyze(s, pending).Goal;

    [Theory]
    [InlineData("i want to feel calm", "calm", "calm")]
    [InlineData("i would like to be at peace", "peaceful", "at peace")]
    [InlineData("i want to finally feel at ease", "at ease", "at ease")]
    [InlineData("i need to get my confidence back", "confident", "my confidence back")]
    [InlineData("I'd like to feel settled again", "calm", "settled")]
    [InlineData("i would love to feel lighter", "lighter", "lighter")]
    [InlineData("i wish i could be happy", "happy", "happy")]
    [InlineData("i hope to feel safe", "safe", "safe")]
    [InlineData("i am looking to feel more in control", "confident", "more in control")]
    [InlineData("i want to feel calm and peaceful", "calm", "calm and peaceful")]
    [InlineData("i want to feel settled and secure", "calm", "settled and secure")]
    [InlineData("i just want to feel better and calmer", "calm", "better and calmer")]
    [InlineData("i want to feel better", "vague", "better")]
    [InlineData("i'd like to feel less drained", "at ease", "less drained")]
    [InlineData("i just want peace", "peaceful", "peace")]
    [InlineData("i need some rest", "at ease", "rest")]
    [InlineData("i want to feel safe and secure again", "safe", "safe and secure")]
    [InlineData("i want to be more confident", "confident", "more confident")]
    public void Desire_frame_with_state(string input, string label, string phrase)
    {
        var g = G(input);
        Assert.True(g.Recognised);
        Assert.Equal(label, g.Label);
        Assert.Equal(phrase, g.Phrase);
        Assert.True(g.StateFree);
    }

    [Fact]
    public void State_must_end_within_five_tokens_of_the_frame()
    {
        Assert.False(G("i want to go to the shop with my friend and be calm").Recognised);
        Assert.True(G("i want to go and be calm").Recognised);
    }

    [Theory]
    [InlineData("less stressed", "calm")]
    [InlineData("less anxious", "calm")]
    [InlineData("not so worried", "calm")]
    [InlineData("not as nervous", "calm")]
    [InlineData("no longer tense", "calm")]
    [InlineData("without the overwhelm", "calm")]
    [InlineData("stop feeling angry", "peaceful")]
    [InlineData("get rid of the frustration", "peaceful")]
    [InlineData("no more irritated", "peaceful")]
    [InlineData("less tired", "at ease")]
    [InlineData("less exhausted", "at ease")]
    [InlineData("less sad", "lighter")]
    [InlineData("less down", "lighter")]
    [InlineData("less low", "lighter")]
    [InlineData("less scared", "safe")]
    [InlineData("less afraid", "safe")]
    [InlineData("less lonely", "at ease")]  // unmapped emotion → default
    [InlineData("i do not want to feel anxious", "calm")]
    [InlineData("i don't want to be so angry anymore", "peaceful")]
    [InlineData("i'd like to not feel so overwhelmed", "calm")]
    [InlineData("i want to feel less anxious and more confident", "calm")]
    public void Reduction_of_a_negative_emotion(string input, string label)
    {
        var g = G(input);
        Assert.True(g.Recognised);
        Assert.Equal(label, g.Label);
        Assert.True(g.StateFree);
    }

    [Theory]
    [InlineData("less happy")]
    [InlineData("less calm")]
    [InlineData("i would like to feel less good")]
    [InlineData("i do not want to feel calm")]
    [InlineData("i want to be not great")]
    public void Positive_and_neutral_words_are_never_reduced(string input) => Assert.False(G(input).Recognised);

    [Theory]
    [InlineData("i used to be calm", "calm")]
    [InlineData("i used to feel happy", "happy")]
    [InlineData("i miss being confident", "confident")]
    [InlineData("i miss feeling safe", "safe")]
    [InlineData("i want to get back to myself again", "vague")]
    [InlineData("to feel like myself again", "vague")]
    public void Return_frame(string input, string label)
    {
        var g = G(input);
        Assert.True(g.Recognised);
        Assert.Equal(label, g.Label);
        Assert.True(g.StateFree);
    }

    [Theory]
    [InlineData("peace", QuestionKind.Goal, "peaceful")]
    [InlineData("just calm", QuestionKind.Goal, "calm")]
    [InlineData("to be at ease with it", QuestionKind.GoalMenu, "at ease")]
    [InlineData("To feel at peace with him", QuestionKind.Goal, "peaceful")]
    [InlineData("lighter", QuestionKind.GoalRefine, "lighter")]
    [InlineData("happier i guess", QuestionKind.GoalMenu, "happy")]
    [InlineData("being at peace with myself", QuestionKind.Goal, "peaceful")]
    [InlineData("to feel like me again", QuestionKind.GoalRefine, "vague")]
    [InlineData("more energy", QuestionKind.GoalMenu, "at ease")]
    [InlineData("not feeling so overwhelmed all the time", QuestionKind.Goal, "calm")]
    [InlineData("no anxiety", QuestionKind.GoalMenu, "calm")]
    [InlineData("i guess to get stronger in myself over time", QuestionKind.Goal, "confident")]
    public void Pending_goal_form(string input, QuestionKind pending, string label)
    {
        var g = G(input, pending);
        Assert.True(g.Recognised);
        Assert.Equal(label, g.Label);
        Assert.False(g.StateFree);
    }

    [Theory]
    [InlineData("peace", QuestionKind.None)]
    [InlineData("just calm", QuestionKind.Problem)]
    [InlineData("i am calm", QuestionKind.Goal)]     // a present self-description is no goal answer
    [InlineData("i feel happy", QuestionKind.Goal)]
    [InlineData("not feeling so overwhelmed all the time", QuestionKind.None)]
    [InlineData("i am not anxious", QuestionKind.Goal)]
    public void Pending_goal_form_needs_goal_question_and_no_self_description(string input, QuestionKind pending) =>
        Assert.False(G(input, pending).Recognised);

    [Fact]
    public void Negated_desire_frame_with_positive_state_is_no_goal() =>
        Assert.False(G("i never want to feel happy").Recognised);

    [Theory]
    [InlineData("settled and secure", "calm")]
    [InlineData("better and calmer", "calm")]
    [InlineData("safe and confident", "safe")]
    [InlineData("good", "vague")]
    [InlineData("fine", "vague")]
    [InlineData("okay", "vague")]
    [InlineData("normal", "vague")]
    [InlineData("different", "vague")]
    [InlineData("alright", "vague")]
    [InlineData("well", "vague")]
    [InlineData("myself again", "vague")]
    [InlineData("relaxed", "calm")]
    [InlineData("comfortable", "at ease")]
    [InlineData("rested", "at ease")]
    [InlineData("free", "lighter")]
    [InlineData("unburdened", "lighter")]
    [InlineData("joy", "happy")]
    [InlineData("content", "happy")]
    [InlineData("cheerful", "happy")]
    [InlineData("grounded", "safe")]
    [InlineData("centered", "safe")]
    [InlineData("centred", "safe")]
    [InlineData("balanced", "safe")]
    [InlineData("stable", "safe")]
    [InlineData("strong", "confident")]
    [InlineData("capable", "confident")]
    [InlineData("in control", "confident")]
    [InlineData("happy", "happy")]
    [InlineData("light", "lighter")]
    public void Canonical_mapping_first_row_wins(string state, string label) =>
        Assert.Equal(label, G("i want to feel " + state).Label);

    [Theory]
    [InlineData("lighter sounds good", "lighter")]
    [InlineData("calm and in control", "calm and in control")]
    [InlineData("peaceful or just content", "peaceful or just content")]
    public void Phrase_joins_states_only_through_connectors(string input, string phrase) =>
        Assert.Equal(phrase, G(input, QuestionKind.GoalMenu).Phrase);

    [Fact]
    public void Vague_label_flags_vague()
    {
        var g = G("i just want to feel better");
        Assert.True(g.Vague);
        Assert.False(G("i want to feel calm").Vague);
    }

    [Fact]
    public void No_goal_in_a_plain_problem_statement() => Assert.Equal(GoalAnalysis.None, G("work has been brutal and i'm exhausted"));
}
