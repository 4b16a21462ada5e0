using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Engine.Tests.Text;

public class EmotionTests
{
    private static EmotionAnalysis E(string s) => Analyzer.Instance.Analyze(s, QuestionKind.None).Emotion;

    [Theory]
    [InlineData("overwhelmed")]
    [InlineData("overwhelming")]
    [InlineData("panic")]
    [InlineData("panicking")]
    [InlineData("terrified")]
    [InlineData("devastated")]
    [InlineData("desperate")]
    [InlineData("hopeless")]
    [InlineData("distraught")]
    public void Negative_high(string word) => AssertCategory("i feel " + word + " lately", "negative_high", word, 3);

    [Theory]
    [InlineData("stressed")]
    [InlineData("stress")]
    [InlineData("anxious")]
    [InlineData("anxiety")]
    [InlineData("worried")]
    [InlineData("upset")]
    [InlineData("frustrated")]
    [InlineData("angry")]
    [InlineData("anger")]
    [InlineData("mad")]
    [InlineData("scared")]
    [InlineData("afraid")]
    [InlineData("nervous")]
    [InlineData("irritated")]
    [InlineData("ashamed")]
    [InlineData("guilty")]
    [InlineData("hurt")]
    [InlineData("lonely")]
    [InlineData("on edge")]
    [InlineData("tense")]
    public void Negative_moderate(string word) => AssertCategory("i feel " + word + " lately", "negative_moderate", word, 2);

    [Theory]
    [InlineData("low")]
    [InlineData("down")]
    [InlineData("lost")]
    [InlineData("sad")]
    [InlineData("sadness")]
    [InlineData("tired")]
    [InlineData("exhausted")]
    [InlineData("worn out")]
    [InlineData("drained")]
    [InlineData("disappointed")]
    [InlineData("discouraged")]
    [InlineData("flat")]
    [InlineData("uneasy")]
    [InlineData("bored")]
    public void Negative_low(string word) => AssertCategory("i feel " + word + " lately", "negative_low", word, 1);

    [Theory]
    [InlineData("okay")]
    [InlineData("fine")]
    [InlineData("alright")]
    [InlineData("normal")]
    [InlineData("so so")]
    public void Neutral(string word) => AssertCategory("i feel " + word + " today", "neutral", word, 0);

    [Theory]
    [InlineData("good")]
    [InlineData("better")]
    [InlineData("calm")]
    [InlineData("calmer")]
    [InlineData("peaceful")]
    [InlineData("relaxed")]
    [InlineData("happy")]
    [InlineData("lighter")]
    [InlineData("content")]
    [InlineData("relieved")]
    [InlineData("hopeful")]
    public void Positive(string word)
    {
        AssertCategory("i feel " + word + " today", "positive", word, 0);
        Assert.Equal([word], E("i feel " + word + " today").PositiveWords);
    }

    private static void AssertCategory(string input, string category, string word, int intensity)
    {
        var e = E(input);
        Assert.True(e.Categories.ContainsKey(category), $"category {category} missing");
        Assert.Contains(word, e.Categories[category]);
        Assert.Equal(intensity, e.Intensity);
    }

    [Theory]
    [InlineData("my mind went down the road", "down")]    // framed word without frame in a long input
    [InlineData("i lost my keys at the station today", "lost")]
    [InlineData("the price is low at the market today", "low")] // "is" is a frame: counts
    public void Framed_words_need_a_frame(string input, string word)
    {
        var e = E(input);
        var found = e.NegativeWords.Contains(word);
        Assert.Equal(input.Contains(" is ", StringComparison.Ordinal), found);
    }

    [Theory]
    [InlineData("down")]
    [InlineData("lost")]
    [InlineData("really low")]
    public void Framed_words_count_in_short_inputs(string input) => Assert.NotEmpty(E(input).NegativeWords);

    [Theory]
    [InlineData("i want to calm down and breathe")]
    [InlineData("let me slow down a little please")]
    [InlineData("i need to sit down for a while now")]
    [InlineData("i will lie down after work today")]
    public void Down_after_calm_slow_sit_lie_is_no_emotion(string input) => Assert.DoesNotContain("down", E(input).NegativeWords);

    [Fact]
    public void Hurt_myself_is_no_emotion()
    {
        Assert.DoesNotContain("hurt", E("i feel like i hurt myself").NegativeWords);
        Assert.Empty(E("i am hurting myself again").NegativeWords);
    }

    [Theory]
    [InlineData("i am not anxious")]
    [InlineData("i am never stressed")]
    [InlineData("not great, not happy")]
    public void Negated_words_do_not_count(string input)
    {
        var e = E(input);
        Assert.Empty(e.NegativeWords);
        Assert.Empty(e.PositiveWords);
    }

    [Theory]
    [InlineData("i feel overwhelmed", "crisis_level")]
    [InlineData("i feel anxious and sad", "moderate_distress")]
    [InlineData("i feel tired", "mild_distress")]
    [InlineData("i feel calm", "positive_state")]
    [InlineData("i feel okay", "neutral_unclear")]
    [InlineData("the weather", "neutral_unclear")]
    [InlineData("i am happy but i want to die", "crisis_level")]
    public void Primary_emotion(string input, string expected) => Assert.Equal(expected, E(input).PrimaryEmotion);

    [Fact]
    public void Words_in_input_order_and_categories_omit_empty()
    {
        var e = E("I'm tired, anxious and a bit overwhelmed but hopeful");
        Assert.Equal(["tired", "anxious", "overwhelmed"], e.NegativeWords);
        Assert.Equal(["hopeful"], e.PositiveWords);
        Assert.Equal(3, e.Intensity);
        Assert.False(e.Categories.ContainsKey("neutral"));
    }
}
