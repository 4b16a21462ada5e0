using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Engine.Tests.Text;

/// <summary>Extensions beyond the representative lists that keep ordinary sentences from triggering cues.</summary>
public class RefinementTests
{
    private static TextAnalysis A(string s, QuestionKind pending = QuestionKind.None) => Analyzer.Instance.Analyze(s, pending);

    [Theory]
    [InlineData("i want to make sure")]
    [InlineData("i am unsure")]
    public void Sure_after_make_is_no_affirm(string input) => Assert.False(A(input).Answers.Affirm);

    [Theory]
    [InlineData("definitely not")]
    [InlineData("absolutely not")]
    [InlineData("of course not")]
    [InlineData("no way")]
    public void Emphatic_negatives_are_decline(string input)
    {
        var a = A(input);
        Assert.True(a.Answers.Decline);
        Assert.False(a.Answers.Affirm);
    }

    [Theory]
    [InlineData("i want to stop feeling tense")]
    [InlineData("i need to stop worrying")]
    [InlineData("that is good enough")]
    [InlineData("i had enough sleep")]
    public void Stop_and_enough_in_ordinary_phrases(string input) => Assert.False(A(input).Answers.Stop);

    [Theory]
    [InlineData("i have had enough")]
    [InlineData("that is enough")]
    [InlineData("enough")]
    [InlineData("please stop")]
    public void Stop_phrases(string input) => Assert.True(A(input).Answers.Stop);

    [Theory]
    [InlineData("nothing helps")]
    [InlineData("nothing works anymore")]
    public void Nothing_followed_by_a_verb_is_not_nothing_more(string input) => Assert.False(A(input).Answers.NothingMore);

    [Theory]
    [InlineData("i suppose so")]
    [InlineData("i believe so")]
    [InlineData("i believe you")]
    public void Hedged_affirmations_are_not_thinking_mode(string input) => Assert.False(A(input).Thinking.Detected);

    [Theory]
    [InlineData("i am used to it")]
    [InlineData("i got used to the noise")]
    [InlineData("my kids are growing up fast")]
    public void Habituation_is_not_past_tense(string input) => Assert.False(A(input).PastTense.Detected);

    [Theory]
    [InlineData("i hope so", "affirmation")]
    [InlineData("i hope not", "general_statement")]
    public void Hope_so_is_not_a_desire_frame(string input, string expected) => Assert.Equal(expected, A(input).InputCategory);
}
