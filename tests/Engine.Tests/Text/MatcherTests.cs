using TrtOrleans.Therapy.Contracts;
using TrtOrleans.Therapy.Text;

namespace TrtOrleans.Engine.Tests.Text;

public class MatcherTests
{
    private static readonly string[] Fillers =
        ["really", "just", "so", "very", "even", "actually", "honestly", "kind of", "sort of", "a bit", "a little", "quite", "totally", "pretty"];

    private static List<(int Start, int End)> Match(string pattern, string text)
    {
        var trie = new PatternTrie(Fillers);
        var entry = new LexiconEntry { List = "t", Id = "t", Pattern = pattern, Category = "" };
        trie.Add(entry);
        var words = text.Split(' ');
        var output = new List<LexMatch>();
        trie.MatchClause(words, 0, words.Length, 0, output);
        return output.Select(m => (m.Start, m.End)).ToList();
    }

    [Theory]
    [InlineData("(a/b) c", "b c", 0, 2)]
    [InlineData("x (a lot of/too many) y", "x too many y", 0, 4)]
    [InlineData("x (a lot of/too many) y", "x a lot of y", 0, 5)]
    [InlineData("wrote (a/my) (suicide)? note", "i wrote a note", 1, 4)]
    [InlineData("wrote (a/my) (suicide)? note", "i wrote my suicide note", 1, 5)]
    [InlineData("to? harm myself", "harm myself", 0, 2)]
    [InlineData("(want/thinking (of/about)) to? cut myself", "thinking about cut myself", 0, 4)]
    [InlineData("want [adv] to [adv] die", "want to die", 0, 3)]
    [InlineData("want [adv] to [adv] die", "want really just to sort of die", 0, 7)]
    [InlineData("(a)? long time ago", "a long time ago", 0, 4)]
    public void Pattern_language_matches(string pattern, string text, int start, int end) =>
        Assert.Contains((start, end), Match(pattern, text));

    [Theory]
    [InlineData("want [adv] to die", "want kind to die")]   // "kind" alone is no filler
    [InlineData("end it all", "spend it all")]             // tokens, never substrings
    [InlineData("self harm", "self harmony")]
    [InlineData("no", "now")]
    [InlineData("no", "know")]
    [InlineData("no", "knot")]
    public void Pattern_language_rejects(string pattern, string text) => Assert.Empty(Match(pattern, text));

    [Fact]
    public void Trie_reports_every_end_per_start() =>
        Assert.Equal([(0, 1), (0, 2), (0, 3)], Match("a (b)? (c)?", "a b c").OrderBy(x => x.End));

    [Fact]
    public void A_shorter_match_survives_when_the_longest_is_rejected_by_a_follow_condition()
    {
        // "do not want to live" is a cue unless followed by "in"; "do not want to live in fear" must not become a
        // cue through the longer expansion, and the shorter one is rejected by the same rule.
        Assert.Equal(RiskLevel.None, Analyzer.Instance.DetectCrisis("i do not want to live in fear").Risk);
        Assert.Equal(RiskLevel.High, Analyzer.Instance.DetectCrisis("i do not want to live").Risk);
    }

    [Fact]
    public void Matches_never_cross_a_clause_boundary()
    {
        var a = Analyzer.Instance.Analyze("i want to, die", QuestionKind.None);
        Assert.False(a.Crisis.Detected);
        var b = Analyzer.Instance.Analyze("i want to but die", QuestionKind.None);
        Assert.False(b.Crisis.Detected);
    }

    [Theory]
    [InlineData("i am not anxious", false)]          // negator 1 before
    [InlineData("not really very anxious", false)]    // negator 3 before
    [InlineData("not that i am really anxious", true)] // negator 4 before: outside the window
    [InlineData("no, anxious", true)]                 // other clause
    [InlineData("i am no longer anxious", false)]
    [InlineData("i am hardly anxious", false)]
    [InlineData("i am barely anxious", false)]
    [InlineData("nobody is anxious", false)]
    [InlineData("neither anxious nor sad", true)]     // "neither" is 1 before anxious; sad has nor → both negated except... see below
    public void Negation_window_of_three_tokens(string input, bool counted)
    {
        var e = Analyzer.Instance.Analyze(input, QuestionKind.None).Emotion;
        if (input.StartsWith("neither", StringComparison.Ordinal))
        {
            Assert.Empty(e.NegativeWords);
            return;
        }
        Assert.Equal(counted, e.NegativeWords.Contains("anxious"));
    }

    [Fact]
    public void Negator_inside_an_entry_is_part_of_the_cue()
    {
        Assert.Equal(RiskLevel.High, Analyzer.Instance.DetectCrisis("i do not want to live").Risk);
        Assert.Equal(RiskLevel.Moderate, Analyzer.Instance.DetectCrisis("i can not go on").Risk);
        Assert.True(Analyzer.Instance.Analyze("not sure", QuestionKind.None).IDontKnow.Detected);
    }

    [Fact]
    public void Negation_does_not_apply_to_decline_confusion_idk_absent_and_pattern_cues()
    {
        var a = Analyzer.Instance.Analyze("not no", QuestionKind.None);
        Assert.True(a.Answers.Decline);
        Assert.True(Analyzer.Instance.Analyze("no, not confused", QuestionKind.None).Answers.Confusion);
        Assert.True(Analyzer.Instance.Analyze("never no idea", QuestionKind.None).IDontKnow.Detected);
        Assert.True(Analyzer.Instance.Analyze("not nowhere", QuestionKind.None).Body.Absent);
        Assert.True(Analyzer.Instance.Analyze("not usually", QuestionKind.None).Problem.PatternCue);
    }

    [Fact]
    public void Framed_entry_frames()
    {
        // (a) frame word, (a) last token of "like a" / "kind of", (c) ≤ 4 tokens; no frame in a long input → no.
        Assert.Contains("low", Analyzer.Instance.Analyze("i have been feeling low about everything lately", QuestionKind.None).Emotion.NegativeWords);
        Assert.Contains("down", Analyzer.Instance.Analyze("it is kind of down all the time these days", QuestionKind.None).Emotion.NegativeWords);
        Assert.Contains("heavy", Analyzer.Instance.Analyze("there is something like a heavy thing sitting on me", QuestionKind.None).Body.Sensations);
        Assert.Empty(Analyzer.Instance.Analyze("we carried the heavy boxes up the stairs yesterday", QuestionKind.None).Body.Sensations);
    }
}
