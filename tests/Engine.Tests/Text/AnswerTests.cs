using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Engine.Tests.Text;

public class AnswerTests
{
    private static AnswerCues A(string s) => Analyzer.Instance.Analyze(s, QuestionKind.None).Answers;

    [Theory]
    [InlineData("yes")]
    [InlineData("yeah")]
    [InlineData("yep")]
    [InlineData("yup")]
    [InlineData("sure")]
    [InlineData("ok")]
    [InlineData("okay")]
    [InlineData("alright")]
    [InlineData("exactly")]
    [InlineData("correct")]
    [InlineData("absolutely")]
    [InlineData("definitely")]
    [InlineData("of course")]
    [InlineData("sounds good")]
    [InlineData("that sounds right")]
    [InlineData("that sounds good")]
    [InlineData("that sounds nice")]
    [InlineData("makes sense")]
    [InlineData("that is it")]
    [InlineData("that is what i want")]
    [InlineData("i would like that")]
    [InlineData("i think so")]
    [InlineData("i guess so")]
    [InlineData("right")]
    [InlineData("true")]
    [InlineData("i do")]
    [InlineData("i am")]
    [InlineData("i will")]
    public void Affirm(string input)
    {
        var a = A(input);
        Assert.True(a.Affirm);
        Assert.True(a.BareAffirm);
        Assert.True(a.Consent);
        Assert.False(a.Decline);
    }

    [Theory]
    [InlineData("that sounds lovely")]
    [InlineData("perfect")]
    [InlineData("i see")]
    [InlineData("got it")]
    [InlineData("i understand")]
    public void Affirm_extensions(string input) => Assert.True(A(input).Affirm);

    [Theory]
    [InlineData("i do not understand")]
    [InlineData("i do not get it")]
    public void Confusion_is_not_affirm(string input)
    {
        var a = A(input);
        Assert.True(a.Confusion);
        Assert.False(a.Affirm);
    }

    [Theory]
    [InlineData("right, my back hurts")]
    [InlineData("i am tired")]
    [InlineData("i do think about it")]
    public void Whole_input_entries_only_as_the_entire_input(string input)
    {
        var a = A(input);
        Assert.False(a.Affirm);
        Assert.False(a.BareAffirm);
    }

    [Theory]
    [InlineData("no")]
    [InlineData("nope")]
    [InlineData("nah")]
    [InlineData("not really")]
    [InlineData("not at all")]
    [InlineData("i do not think so")]
    [InlineData("not now")]
    [InlineData("not today")]
    [InlineData("not yet")]
    [InlineData("maybe later")]
    [InlineData("i would rather not")]
    [InlineData("no thanks")]
    [InlineData("i do not want to")]
    [InlineData("i do not think i am ready")]
    [InlineData("i do not feel ready")]
    [InlineData("maybe another time")]
    public void Decline(string input)
    {
        var a = A(input);
        Assert.True(a.Decline);
        Assert.False(a.Affirm);
        Assert.False(a.BareAffirm);
    }

    [Theory]
    [InlineData("nothing")]
    [InlineData("nothing else")]
    [InlineData("nothing more")]
    [InlineData("that is all")]
    [InlineData("that is everything")]
    [InlineData("that covers it")]
    [InlineData("i have said everything")]
    [InlineData("i have shared everything")]
    [InlineData("nothing comes to mind")]
    [InlineData("all good")]
    [InlineData("i am good")]
    [InlineData("No, that covers it")]
    [InlineData("no that's all")]        // a leading "no" answers the question; it does not negate what follows
    [InlineData("no i'm good")]
    [InlineData("not that i know of")]
    [InlineData("i don't think there is anything else")]
    public void Nothing_more(string input) => Assert.True(A(input).NothingMore);

    [Fact]
    public void Leading_no_still_negates_inside_the_same_clause_for_other_detectors() =>
        Assert.Empty(Analyzer.Instance.Analyze("no anxious thoughts", QuestionKind.None).Emotion.NegativeWords);

    [Fact]
    public void Bare_no_is_decline_not_nothing_more()
    {
        var a = A("no");
        Assert.True(a.Decline);
        Assert.False(a.NothingMore);
    }

    [Theory]
    [InlineData("i am ready")]
    [InlineData("ready")]
    [InlineData("let us do it")]
    [InlineData("let's start")]
    [InlineData("let's go")]
    public void Ready(string input)
    {
        var a = A(input);
        Assert.True(a.Ready);
        Assert.True(a.Consent);
    }

    [Theory]
    [InlineData("i will try")]
    [InlineData("let's try")]
    [InlineData("happy to")]
    [InlineData("go ahead")]
    [InlineData("go for it")]
    [InlineData("why not")]
    [InlineData("Sure, let's try")]
    [InlineData("okay, I'll give it a go")]
    [InlineData("go on then")]
    [InlineData("fine")]
    public void Consent(string input) => Assert.True(A(input).Consent);

    [Theory]
    [InlineData("stop")]
    [InlineData("i want to stop")]
    [InlineData("can we stop")]
    [InlineData("i need to stop")]
    [InlineData("enough")]
    [InlineData("i do not want to do this")]
    public void Stop(string input) => Assert.True(A(input).Stop);

    [Theory]
    [InlineData("i can not stop thinking about it")]
    [InlineData("not enough")]
    public void Negated_stop_is_no_stop(string input) => Assert.False(A(input).Stop);

    [Theory]
    [InlineData("what do you mean")]
    [InlineData("i do not understand")]
    [InlineData("i don't get it")]
    [InlineData("confused")]
    [InlineData("can you explain")]
    [InlineData("what")]
    [InlineData("huh")]
    [InlineData("okay, but what do you mean by freeze?")]
    [InlineData("yes that is fine, the jaw part is easy, but honestly i do not understand the breathing")]
    public void Confusion_counts_anywhere(string input) => Assert.True(A(input).Confusion);

    [Theory]
    [InlineData("what is going on with my chest")]
    [InlineData("huh that is weird")]
    public void Whole_input_confusion_only_alone(string input) => Assert.False(A(input).Confusion);

    [Theory]
    [InlineData("no idea")]
    [InlineData("no idea, honestly")]
    public void No_idea_is_idk_not_decline(string input)
    {
        var a = A(input);
        Assert.False(a.Decline);
        Assert.True(a.IdkAnswer);
    }

    [Theory]
    [InlineData("not sure")]
    [InlineData("i am not sure")]
    public void Not_sure_is_idk_not_affirm(string input)
    {
        var a = A(input);
        Assert.False(a.Affirm);
        Assert.True(a.IdkAnswer);
    }

    [Theory]
    [InlineData("now")]
    [InlineData("i know")]
    [InlineData("a knot")]
    [InlineData("right now")]
    public void No_matches_only_the_token_no(string input) => Assert.False(A(input).Decline);

    [Theory]
    [InlineData("not ready")]
    [InlineData("i am not ready")]
    [InlineData("well i have been thinking about it a lot and honestly i am still not ready")]
    public void Not_ready_anywhere_is_decline(string input)
    {
        var a = A(input);
        Assert.True(a.Decline);
        Assert.False(a.Ready);
        Assert.False(a.Consent);
    }

    [Fact]
    public void I_am_not_sure_i_am_ready_is_not_consent()
    {
        var a = A("i am not sure i am ready");
        Assert.False(a.Consent);
        Assert.False(a.Ready);
        Assert.True(a.IdkAnswer);
        Assert.False(a.Decline); // unsure, not a refusal
    }

    [Fact]
    public void Sets_count_only_in_the_first_clause_of_longer_inputs()
    {
        var a = A("my week was long and the boss was awful, yes");
        Assert.False(a.Affirm);
        var b = A("yes, my week was long and the boss was awful");
        Assert.True(b.Affirm);
        Assert.False(b.BareAffirm);
    }

    [Fact]
    public void Short_inputs_count_in_any_clause()
    {
        var a = A("hmm, yes");
        Assert.True(a.Affirm);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("yeah okay")]
    [InlineData("yes i am")]
    [InlineData("sure, thank you")]
    [InlineData("yes please")]
    [InlineData("yeah, really")]
    [InlineData("Yes, that's exactly it")]
    public void Bare_affirm(string input) => Assert.True(A(input).BareAffirm);

    [Theory]
    [InlineData("ok, about the same")]
    [InlineData("yes, but i am scared")]
    [InlineData("not okay")]
    [InlineData("thanks")]
    public void Not_bare_affirm(string input) => Assert.False(A(input).BareAffirm);

    [Theory]
    [InlineData("i do not know", true)]
    [InlineData("don't know", true)]
    [InlineData("I really don't know", true)]
    [InlineData("hmm, dunno", true)]
    [InlineData("no clue", true)]
    [InlineData("i do not know what it is like but my chest is tight", false)]
    [InlineData("i do not know, the whole thing just feels heavy and strange", true)]
    public void Idk_answer(string input, bool expected) => Assert.Equal(expected, A(input).IdkAnswer);

    [Theory]
    [InlineData("maybe", true)]
    [InlineData("maybe later", true)]
    [InlineData("perhaps", false)]
    public void Maybe_token(string input, bool expected) => Assert.Equal(expected, A(input).Maybe);
}
