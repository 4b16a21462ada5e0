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

    [Theory]
    [InlineData("I would never do anything to hurt myself, I promise")]
    [InlineData("i am not going to do anything to harm myself")]
    public void Do_anything_denials_are_low(string input)
    {
        var c = Analyzer.Instance.DetectCrisis(input);
        Assert.Equal(RiskLevel.Low, c.Risk);
        Assert.True(c.DenialNoted);
    }

    [Theory]
    [InlineData("i feel like giving up", RiskLevel.Low)]
    [InlineData("i am so done with everything", RiskLevel.Low)]
    [InlineData("i am done with life", RiskLevel.Moderate)]
    public void Giving_up_and_done(string input, RiskLevel risk) => Assert.Equal(risk, Analyzer.Instance.DetectCrisis(input).Risk);

    [Fact]
    public void Feeling_nothing_different_is_same_not_absent()
    {
        var a = A("I don't feel anything different", QuestionKind.AlphaCheckpoint);
        Assert.False(a.Body.Absent);
        Assert.Equal(CheckpointClass.Same, a.Checkpoint);
        Assert.True(A("i do not feel anything").Body.Absent);
    }

    [Theory]
    [InlineData("my heart races", "races")]
    [InlineData("my shoulders are always tense", "tense")]
    [InlineData("there is tension in my neck", "tension")]
    public void Verb_and_tension_sensations(string input, string sensation) => Assert.Contains(sensation, A(input).Body.Sensations);

    [Theory]
    [InlineData("I think it comes from my childhood")]
    [InlineData("the cause is my upbringing")]
    public void Explanations_are_thinking_mode(string input) => Assert.True(A(input).Thinking.Detected);

    [Theory]
    [InlineData("my uncle committed suicide years ago", RiskLevel.None)]
    [InlineData("we lost my brother to suicide", RiskLevel.None)]
    [InlineData("i have thought about suicide", RiskLevel.High)]
    [InlineData("i cant do this anymore", RiskLevel.Low)]
    [InlineData("whats the point", RiskLevel.Low)]
    [InlineData("what is the point of living", RiskLevel.Moderate)]
    [InlineData("i want everything to end", RiskLevel.Moderate)]
    public void Reports_about_others_and_distress_phrases(string input, RiskLevel risk) =>
        Assert.Equal(risk, Analyzer.Instance.DetectCrisis(input).Risk);
}
