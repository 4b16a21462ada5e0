using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Engine.Tests.Text;

public class BodyTests
{
    private static BodyAnalysis B(string s, QuestionKind pending = QuestionKind.None) =>
        Analyzer.Instance.Analyze(s, pending).Body;

    [Theory]
    [InlineData("forehead")]
    [InlineData("temples")]
    [InlineData("face")]
    [InlineData("jaw")]
    [InlineData("teeth")]
    [InlineData("eyes")]
    [InlineData("throat")]
    [InlineData("neck")]
    [InlineData("shoulder")]
    [InlineData("shoulders")]
    [InlineData("chest")]
    [InlineData("heart")]
    [InlineData("ribs")]
    [InlineData("stomach")]
    [InlineData("belly")]
    [InlineData("gut")]
    [InlineData("tummy")]
    [InlineData("arms")]
    [InlineData("hands")]
    [InlineData("fingers")]
    [InlineData("legs")]
    [InlineData("knees")]
    [InlineData("feet")]
    [InlineData("hips")]
    [InlineData("whole body")]
    [InlineData("top of my head")]
    [InlineData("back of my neck")]
    [InlineData("lower back")]
    [InlineData("pit of my stomach")]
    public void Location_words_and_phrases(string location) =>
        Assert.Equal([location], B("i notice it in the " + location + " mostly").Locations);

    [Theory]
    [InlineData("i have a headache", "head")]
    [InlineData("i get a stomach ache", "stomach")]
    [InlineData("my back pain", "back")]
    public void Ache_compounds_name_the_location(string input, string location) => Assert.Equal([location], B(input).Locations);

    [Theory]
    [InlineData("it is all over")]
    [InlineData("it is everywhere")]
    public void Everywhere_locations(string input) => Assert.Single(B(input).Locations);

    [Theory]
    [InlineData("my back is sore", true)]
    [InlineData("the back aches", true)]
    [InlineData("my upper back", true)]
    [InlineData("back then it was hard", false)]
    [InlineData("i want to go back home", false)]
    [InlineData("i want my confidence back", false)]
    public void Back_only_with_my_the_lower_upper(string input, bool expected) =>
        Assert.Equal(expected, B(input).Locations.Count > 0);

    [Theory]
    [InlineData("i feel it in my body", true)]
    [InlineData("my body is tense", true)]
    [InlineData("my whole body shakes", true)]
    [InlineData("a body of water", false)]
    [InlineData("nobody cares", false)]
    public void Body_only_as_my_body_in_my_body_whole_body(string input, bool expected) =>
        Assert.Equal(expected, B(input).Locations.Count > 0);

    [Theory]
    [InlineData("my head", true)]
    [InlineData("the head", true)]
    [InlineData("it is in my head", true)]
    [InlineData("the top of my head", true)]
    [InlineData("the back of my head", true)]
    [InlineData("head hurts", true)]
    [InlineData("head aches all day", true)]
    [InlineData("head is pounding", true)]
    [InlineData("i head to work at eight", false)]
    [InlineData("head of department", false)]
    public void Head_only_after_anchors_or_before_symptoms(string input, bool expected) =>
        Assert.Equal(expected, B(input).Locations.Count > 0);

    [Theory]
    [InlineData("tight")]
    [InlineData("tightness")]
    [InlineData("heavy")]
    [InlineData("heaviness")]
    [InlineData("pressure")]
    [InlineData("knot")]
    [InlineData("ache")]
    [InlineData("aching")]
    [InlineData("sharp")]
    [InlineData("dull")]
    [InlineData("burning")]
    [InlineData("tingling")]
    [InlineData("throbbing")]
    [InlineData("buzzing")]
    [InlineData("numb")]
    [InlineData("hollow")]
    [InlineData("fluttering")]
    [InlineData("butterflies")]
    [InlineData("racing")]
    [InlineData("pounding")]
    [InlineData("shaky")]
    [InlineData("trembling")]
    [InlineData("hot")]
    [InlineData("warm")]
    [InlineData("cold")]
    [InlineData("sore")]
    [InlineData("stiff")]
    [InlineData("squeezing")]
    [InlineData("clenched")]
    [InlineData("sinking")]
    [InlineData("lump")]
    [InlineData("weight")]
    [InlineData("light headed")]
    [InlineData("dizzy")]
    [InlineData("nauseous")]
    public void Sensation_with_frame(string sensation) =>
        Assert.Equal([sensation], B("it feels like a " + sensation + " thing that will not leave me alone").Sensations);

    [Theory]
    [InlineData("dull and achy", "achy")]
    [InlineData("my legs feel weak", "weak")]
    [InlineData("like someone is squeezing it", "squeezing")]
    [InlineData("it burns", "burns")]
    [InlineData("a lump in my throat", "lump")]
    public void Sensation_answers(string input, string sensation) =>
        Assert.Contains(sensation, B(input, QuestionKind.Sensation).Sensations);

    [Fact]
    public void Sensation_with_anchor_location()
    {
        var b = B("A tight band across my chest");
        Assert.Equal(["chest"], b.Locations);
        Assert.Contains("tight", b.Sensations);
    }

    [Fact]
    public void Sensation_in_short_input() => Assert.Equal(["heavy"], B("heavy").Sensations);

    [Fact]
    public void Sensation_without_frame_or_anchor_in_long_input_needs_pending_sensation()
    {
        const string input = "sharp and then dull after a while mostly in the evenings";
        Assert.Empty(B(input).Sensations);
        Assert.Equal(["sharp", "dull"], B(input, QuestionKind.Sensation).Sensations);
    }

    [Theory]
    [InlineData("the deadlines are tight")]
    [InlineData("money is tight")]
    [InlineData("my boss is so sharp with me")]
    [InlineData("there is a lot of pressure at work")]
    public void Sensation_in_a_problem_clause_needs_an_anchor(string input)
    {
        Assert.Empty(B(input).Sensations);
        Assert.Empty(B(input, QuestionKind.Sensation).Sensations);
    }

    [Fact]
    public void Problem_clause_with_anchor_counts() =>
        Assert.Equal(["tight"], B("at work my chest gets tight").Sensations);

    [Theory]
    [InlineData("i don't really feel anything physical")]
    [InlineData("i can not notice anything")]
    [InlineData("nothing in my body")]
    [InlineData("nothing physical")]
    [InlineData("no sensation")]
    [InlineData("no physical feelings")]
    [InlineData("i feel nothing")]
    [InlineData("i notice nothing")]
    [InlineData("nowhere")]
    [InlineData("still nothing")]
    [InlineData("it is not in my body")]
    public void Body_absent(string input) => Assert.True(B(input).Absent);

    [Fact]
    public void Body_absent_voids_locations_and_sensations_in_its_clause()
    {
        var b = B("i do not feel anything in my chest, my jaw is tight");
        Assert.True(b.Absent);
        Assert.Equal(["jaw"], b.Locations);
        Assert.Equal(["tight"], b.Sensations);
    }

    [Theory]
    [InlineData("right now")]
    [InlineData("now")]
    [InlineData("at the moment")]
    [InlineData("currently")]
    [InlineData("as we speak")]
    [InlineData("as we talk")]
    [InlineData("in this moment")]
    [InlineData("at this moment")]
    [InlineData("i can feel it")]
    [InlineData("i am feeling it")]
    [InlineData("it is still there")]
    [InlineData("Yes, it's there right now")]
    public void Present_cue(string input) => Assert.True(B(input).PresentCue);

    [Theory]
    [InlineData("i know")]
    [InlineData("it was there before")]
    [InlineData("it is not there right now")]
    [InlineData("i can not feel anything right now")]
    [InlineData("nothing right now")]
    public void Not_present(string input) => Assert.False(B(input).PresentCue);

    [Fact]
    public void Negated_location_and_sensation_do_not_count()
    {
        var b = B("it is not tight, not in my chest at all but somewhere");
        Assert.Empty(b.Sensations);
        Assert.Empty(b.Locations);
    }
}
