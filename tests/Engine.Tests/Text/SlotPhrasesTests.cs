using TrtOrleans.Therapy.Text;

namespace TrtOrleans.Engine.Tests.Text;

/// <summary>Amendment A6: client words are normalised for the slot they fill.</summary>
public sealed class SlotPhrasesTests
{
    [Theory]
    [InlineData("shaky", "shaky feeling")]
    [InlineData("shaky feeling", "shaky feeling")]
    [InlineData("burning sensation", "burning sensation")]
    [InlineData("tightness", "tightness")]
    [InlineData("tight", "tight feeling")]
    [InlineData("light headed", "light headed feeling")]
    [InlineData("throbs", "throbbing")]
    [InlineData("knots", "knot")]
    [InlineData("a knot", "knot")]
    public void Sensations_read_after_that_or_the(string raw, string expected) => Assert.Equal(expected, SlotPhrases.Sensation(raw));

    [Theory]
    [InlineData("chest", "your chest")]
    [InlineData("my chest", "your chest")]
    [InlineData("top of my head", "the top of your head")]
    [InlineData("back of my neck", "the back of your neck")]
    [InlineData("all over", "your whole body")]
    [InlineData("in my throat", "your throat")]
    [InlineData("lower back", "your lower back")]
    public void Locations_carry_their_determiner(string raw, string expected) => Assert.Equal(expected, SlotPhrases.Location(raw));

    [Theory]
    [InlineData("anxiety", "anxious")]
    [InlineData("on edge", "on edge")]
    [InlineData("overwhelming", "overwhelmed")]
    [InlineData("unsure of myself", "unsure of yourself")]
    public void Emotions_complete_feel(string raw, string expected) => Assert.Equal(expected, SlotPhrases.Emotion(raw));

    [Theory]
    [InlineData("peace", "at peace")]
    [InlineData("myself again", "like yourself again")]
    [InlineData("my confidence back", "confident again")]
    [InlineData("calm and peaceful", "calm and peaceful")]
    [InlineData("less anxious", "less anxious")]
    [InlineData("peace and energy", "at peace and energised")]
    public void Desired_states_complete_feel_in_the_second_person(string raw, string expected) =>
        Assert.Equal(expected, SlotPhrases.DesiredState(raw));

    [Fact]
    public void Problems_take_their_determiner()
    {
        Assert.Equal("work and your boss", SlotPhrases.Problem(["work", "boss"]));
        Assert.Equal("the deadline", SlotPhrases.Problem(["deadline"]));
    }
}
