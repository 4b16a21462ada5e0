using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Engine.Tests.Text;

/// <summary>Detector rules added for what the evaluation set (tests/Engine.Tests/Evaluation) found.</summary>
public sealed class EvaluationFindingsTests
{
    private static TextAnalysis A(string s, QuestionKind pending = QuestionKind.None) => Analyzer.Instance.Analyze(s, pending);

    [Theory]
    [InlineData("my dad was always angry")]
    [InlineData("she is so anxious all the time")]
    public void Someone_elses_emotion_is_not_the_clients(string input) => Assert.Empty(A(input).Emotion.NegativeWords);

    [Fact]
    public void An_emotion_done_to_the_client_is_theirs() =>
        Assert.NotEmpty(A("the kids are driving me mad").Emotion.NegativeWords);

    [Theory]
    [InlineData("probably more relaxed, I suppose", "calm")]
    [InlineData("content. that's the word", "happy")]
    [InlineData("more at ease with people", "at ease")]
    [InlineData("sort of settled? if that makes sense", "calm")]
    public void Hedged_short_answers_to_the_goal_question_are_goals(string input, string label)
    {
        var g = A(input, QuestionKind.Goal).Goal;
        Assert.True(g.Recognised, input);
        Assert.Equal(label, g.Label);
    }

    [Theory]
    [InlineData("My goal is to feel calmer around my mum")]
    [InlineData("honestly I'd just like to sleep and feel rested")]
    public void Desire_frames_with_fillers_or_a_goal_noun_count(string input) => Assert.True(A(input).Goal.Recognised);

    [Fact]
    public void Someone_elses_wish_is_not_the_clients_goal() => Assert.False(A("she wants me to be happy").Goal.Recognised);

    [Fact]
    public void The_clause_after_a_lone_no_is_still_the_answer() =>
        Assert.True(A("No, I think that's everything really, you've been really patient with me and I've said a lot today.").Answers.NothingMore);

    [Theory]
    [InlineData("why not", false)]
    [InlineData("who knows", false)]
    [InlineData("confused, what do you want me to say", true)]
    [InlineData("I know exactly what you mean", false)]
    public void Questions_are_recognised_by_what_they_ask(string input, bool question) => Assert.Equal(question, A(input).IsQuestion);

    [Theory]
    [InlineData("I don't want to feel scared anymore")]
    [InlineData("no physical sensation at all")]
    [InlineData("I've got no time for myself")]
    [InlineData("I don't really have a problem")]
    public void Wishes_and_determiners_are_not_declines(string input) => Assert.False(A(input).Answers.Decline);

    [Fact]
    public void A_greeting_that_asks_back_is_not_nothing_more() => Assert.False(A("I'm good thanks, how are you?").Answers.NothingMore);

    [Theory]
    [InlineData("I cut myself shaving this morning")]
    [InlineData("this week is killing me")]
    public void Accidents_and_idioms_are_not_crises(string input) => Assert.False(A(input).Crisis.Detected);

    [Fact]
    public void Wish_i_had_never_been_born_in_its_contracted_form_is_a_crisis() =>
        Assert.True(A("I wish I'd never been born").Crisis.Detected);
}
