using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Engine.Tests.Text;

public class ProblemAndModeTests
{
    private static TextAnalysis A(string s, QuestionKind pending = QuestionKind.None) => Analyzer.Instance.Analyze(s, pending);

    [Theory]
    [InlineData("work")]
    [InlineData("job")]
    [InlineData("boss")]
    [InlineData("manager")]
    [InlineData("colleague")]
    [InlineData("colleagues")]
    [InlineData("deadline")]
    [InlineData("deadlines")]
    [InlineData("workload")]
    [InlineData("overtime")]
    [InlineData("school")]
    [InlineData("exam")]
    [InlineData("exams")]
    [InlineData("studies")]
    [InlineData("money")]
    [InlineData("bills")]
    [InlineData("debt")]
    [InlineData("rent")]
    [InlineData("relationship")]
    [InlineData("partner")]
    [InlineData("husband")]
    [InlineData("wife")]
    [InlineData("boyfriend")]
    [InlineData("girlfriend")]
    [InlineData("marriage")]
    [InlineData("divorce")]
    [InlineData("family")]
    [InlineData("parents")]
    [InlineData("mother")]
    [InlineData("father")]
    [InlineData("mum")]
    [InlineData("mom")]
    [InlineData("dad")]
    [InlineData("kids")]
    [InlineData("children")]
    [InlineData("brother")]
    [InlineData("sister")]
    [InlineData("friends")]
    [InlineData("health")]
    [InlineData("illness")]
    [InlineData("sleep")]
    [InlineData("arguing")]
    [InlineData("argument")]
    [InlineData("arguments")]
    [InlineData("fights")]
    public void Problem_topics(string topic) => Assert.Equal([topic], A("it is mostly about the " + topic).Problem.Topics);

    [Fact]
    public void Topics_in_input_order() =>
        Assert.Equal(["money", "rent"], A("Money. The rent went up and I can't cover it").Problem.Topics);

    [Theory]
    [InlineData("i can not sleep", "can not sleep")]
    [InlineData("i can't focus", "can not focus")]
    [InlineData("i cannot relax", "can not relax")]
    [InlineData("i can not stop", "can not stop")]
    [InlineData("i can not switch off", "can not switch off")]
    [InlineData("it is hard to breathe", "it is hard to")]
    [InlineData("i am struggling with it", "struggling with")]
    [InlineData("struggling to cope", "struggling to")]
    [InlineData("it gets in the way", "gets in the way")]
    [InlineData("it stops me from going out", "stops me from")]
    [InlineData("it is all too much", "too much")]
    [InlineData("i have no time", "no time")]
    [InlineData("it keeps me up", "keeps me up")]
    [InlineData("it keeps me awake", "keeps me awake")]
    public void Problem_statements(string input, string statement) => Assert.Equal(statement, A(input).Problem.Statement);

    [Theory]
    [InlineData("when")]
    [InlineData("whenever")]
    [InlineData("every time")]
    [InlineData("each time")]
    [InlineData("as soon as")]
    [InlineData("it starts")]
    [InlineData("i notice")]
    [InlineData("i can tell")]
    [InlineData("that is how i know")]
    [InlineData("usually")]
    [InlineData("first i")]
    public void Pattern_cues(string cue) => Assert.True(A(cue + " it happens").Problem.PatternCue);

    [Fact]
    public void Pattern_answer_first_form_needs_pending_pattern_and_five_tokens()
    {
        const string input = "I notice it every time I open my banking app";
        Assert.True(A(input, QuestionKind.Pattern).Problem.PatternAnswer);
        Assert.False(A("usually in the morning", QuestionKind.Pattern).Problem.PatternAnswer); // 4 tokens
        Assert.True(A("usually early in the morning", QuestionKind.Pattern).Problem.PatternAnswer);
        Assert.False(A("it just happens at random times", QuestionKind.Pattern).Problem.PatternAnswer); // no cue
    }

    [Theory]
    [InlineData("every time i see my boss my chest gets tight", true)]
    [InlineData("whenever my phone rings i feel really anxious inside", true)]
    [InlineData("as soon as i wake up my stomach starts to churn", true)]
    [InlineData("every time i see my boss i sigh", false)]         // no emotion/location/sensation
    [InlineData("whenever i see him i get anxious", false)]        // 7 tokens
    [InlineData("when i see my boss my chest gets really tight", false)] // `when` is not a general cue
    public void Pattern_answer_second_form_is_state_free(string input, bool expected) =>
        Assert.Equal(expected, A(input).Problem.PatternAnswer);

    [Theory]
    [InlineData("i think it is because of my childhood")]
    [InlineData("probably because i never rest")]
    [InlineData("the reason is simple")]
    [InlineData("i believe it comes from school")]
    [InlineData("in my opinion it is stress")]
    [InlineData("i suppose it is work")]
    [InlineData("i figured it was the job")]
    [InlineData("logically it makes no sense")]
    [InlineData("i keep analysing everything")]
    [InlineData("i have been thinking about why it happens")]
    public void Thinking_cues(string input) => Assert.True(A(input).Thinking.Detected);

    [Theory]
    [InlineData("because i am tired")]
    [InlineData("i think so")]
    [InlineData("i think my chest is tight")]
    public void Bare_because_or_i_think_is_no_thinking_cue(string input) => Assert.False(A(input).Thinking.Detected);

    [Theory]
    [InlineData("back then i was scared")]
    [InlineData("when i was young")]
    [InlineData("when i was younger")]
    [InlineData("when i was little")]
    [InlineData("when i was a kid")]
    [InlineData("when i was a child")]
    [InlineData("when i was a teenager")]
    [InlineData("when i was at school")]
    [InlineData("years ago it started")]
    [InlineData("a long time ago")]
    [InlineData("long time ago")]
    [InlineData("in the past it was worse")]
    [InlineData("i used to hide")]
    [InlineData("as a child i hid")]
    [InlineData("growing up was hard")]
    [InlineData("in my childhood")]
    [InlineData("earlier in my life")]
    public void Past_cues(string input) => Assert.True(A(input).PastTense.Detected);

    [Theory]
    [InlineData("before i go to bed")]
    [InlineData("when i was a kid and right now my chest is tight")]
    [InlineData("years ago, but i can feel it now")]
    public void Past_is_not_a_cue_or_is_suppressed_by_a_present_cue(string input) => Assert.False(A(input).PastTense.Detected);

    [Theory]
    [InlineData("i do not know")]
    [InlineData("don't know")]
    [InlineData("no idea")]
    [InlineData("not sure")]
    [InlineData("unsure")]
    [InlineData("no clue")]
    [InlineData("hard to say")]
    [InlineData("can not say")]
    [InlineData("not certain")]
    [InlineData("who knows")]
    [InlineData("i do not know if i am safe")]
    public void Idk_cues(string input) => Assert.True(A(input).IDontKnow.Detected);

    [Fact]
    public void Detector_hits_report_phrases()
    {
        var a = A("i think it is because back then nobody listened");
        Assert.Equal(["i think it is because"], a.Thinking.PhrasesFound);
        Assert.Equal(["back then"], a.PastTense.PhrasesFound);
        Assert.False(a.IDontKnow.Detected);
        Assert.Empty(a.IDontKnow.PhrasesFound);
    }
}
