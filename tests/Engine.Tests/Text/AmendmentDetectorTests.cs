using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Engine.Tests.Text;

/// <summary>Detector-level amendments A1 (acknowledgements are not goals), A4 (a change in a sensation is presence)
/// and A5 (domain words win in spelling repair).</summary>
public sealed class AmendmentDetectorTests
{
    private static TextAnalysis A(string s, QuestionKind pending = QuestionKind.None) => Analyzer.Instance.Analyze(s, pending);

    [Theory]
    [InlineData("ok")]
    [InlineData("okay")]
    [InlineData("fine")]
    [InlineData("sure")]
    [InlineData("yeah ok")]
    [InlineData("hmm")]
    [InlineData("um, maybe")]
    [InlineData("i guess")]
    [InlineData("I guess so")]
    [InlineData("i suppose")]
    [InlineData("dunno")]
    [InlineData("not sure")]
    [InlineData("no idea")]
    [InlineData("whatever")]
    [InlineData("idk")]
    [InlineData("alright, thanks")]
    [InlineData("right")]
    public void A1_acknowledgements_and_fillers_state_no_goal(string input)
    {
        foreach (var pending in new[] { QuestionKind.Goal, QuestionKind.GoalMenu, QuestionKind.GoalRefine })
        {
            Assert.False(A(input, pending).Goal.Recognised, $"{input} ({pending})");
        }
    }

    [Theory]
    [InlineData("better")]
    [InlineData("good")]
    [InlineData("normal")]
    public void A1_a_vague_word_alone_is_no_goal(string input) => Assert.False(A(input, QuestionKind.Goal).Goal.Recognised);

    [Theory]
    [InlineData("I just want to feel okay", QuestionKind.Goal)]
    [InlineData("I want to be better", QuestionKind.None)]
    [InlineData("to feel normal again", QuestionKind.Goal)]
    public void A1_a_vague_word_inside_a_desire_frame_or_to_feel_phrase_is_a_vague_goal(string input, QuestionKind pending)
    {
        var g = A(input, pending).Goal;
        Assert.True(g.Recognised);
        Assert.Equal("vague", g.Label);
    }

    [Theory]
    [InlineData("i guess just calm", "calm")]
    [InlineData("ok, calmer", "calm")]
    [InlineData("hmm lighter maybe", "lighter")]
    public void A1_fillers_around_a_specific_state_still_make_a_goal(string input, string label)
    {
        var g = A(input, QuestionKind.Goal).Goal;
        Assert.True(g.Recognised);
        Assert.Equal(label, g.Label);
    }

    [Theory]
    [InlineData("it's a bit lighter now")]
    [InlineData("the tightness is easing")]
    [InlineData("less heavy right now")]
    [InlineData("it's fading")]
    [InlineData("the clenching is easing a bit as we talk")]
    [InlineData("not as tight as before")]
    [InlineData("my chest is loosening")]
    [InlineData("I can't feel it as much now")]
    public void A4_a_change_in_a_sensation_is_presence_with_a_sensation_and_improvement(string input)
    {
        foreach (var pending in new[] { QuestionKind.PresentMoment, QuestionKind.Sensation, QuestionKind.None })
        {
            var b = A(input, pending).Body;
            Assert.True(b.PresentCue, $"{input} ({pending}): present");
            Assert.NotEmpty(b.Sensations);
            Assert.False(b.Absent, $"{input} ({pending}): absent");
            Assert.True(b.Changing);
            Assert.True(b.Improving);
        }
    }

    [Fact]
    public void A4_the_reported_sensation_is_the_clients_word_when_there_is_one()
    {
        Assert.Equal(["tightness"], A("the tightness is easing").Body.Sensations);
        Assert.Equal(["heavy"], A("less heavy right now").Body.Sensations);
        Assert.Equal(["clenching"], A("the clenching is easing a bit as we talk").Body.Sensations);
    }

    [Fact]
    public void A4_a_worsening_is_presence_without_improvement()
    {
        var b = A("the knot is getting tighter", QuestionKind.PresentMoment).Body;
        Assert.True(b.PresentCue);
        Assert.True(b.Changing);
        Assert.False(b.Improving);
    }

    [Theory]
    [InlineData("I want to feel lighter", QuestionKind.Goal)]
    [InlineData("lighter", QuestionKind.Goal)]
    [InlineData("less heavy", QuestionKind.GoalRefine)]
    [InlineData("the workload is easing off a bit", QuestionKind.None)]
    public void A4_wishes_and_problem_talk_are_not_body_changes(string input, QuestionKind pending)
    {
        var b = A(input, pending).Body;
        Assert.False(b.Changing);
        Assert.False(b.PresentCue);
    }

    [Theory]
    [InlineData("shouldres", "shoulders")]
    [InlineData("nausious", "nauseous")]
    [InlineData("throbing", "throbbing")]
    [InlineData("anxios", "anxious")]
    [InlineData("tightnes", "tightness")]
    [InlineData("tightnss", "tightness")]
    [InlineData("tigthness", "tightness")]
    [InlineData("heavyness", "heaviness")]
    public void A5_domain_words_win_in_spelling_repair(string typed, string expected)
    {
        var a = A("there is " + typed);
        Assert.Equal("there is " + expected, a.CorrectedInput);
    }

    [Fact]
    public void A5_a_misspelled_tightness_is_echoed_as_tightness()
    {
        var a = A("a tightnes in my chest");
        Assert.Equal(["tightness"], a.Body.Sensations);
        Assert.Equal(["chest"], a.Body.Locations);
    }
}
