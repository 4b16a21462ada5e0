using TrtOrleans.Therapy.Contracts;
using TrtOrleans.Therapy.Text;

namespace TrtOrleans.Engine.Tests.Text;

public class NormalizationTests
{
    private static string Clean(string s) => TextNormalizer.Clean(s);

    [Theory]
    [InlineData("\uFF28\uFF49", "hi")]                       // N1 NFKC full-width letters
    [InlineData("line\none\ttab", "line one tab")]          // N1 newline/tab to space
    [InlineData("zero\u200Bwidth", "zerowidth")]            // N1 format character dropped
    [InlineData("bell\u0007", "bell")]                      // N1 control character dropped
    [InlineData("I\u2019m fine", "i am fine")]              // N1 curly apostrophe
    [InlineData("don\u02BCt", "do not")]                    // N1 modifier-letter apostrophe
    [InlineData("\uFB01ne", "fine")]                       // N1 NFKC ligature
    [InlineData("wait\u2026", "wait.")]                    // N1 NFKC ellipsis, then N3 collapse
    [InlineData("\U0001D5F5\U0001D5F2\U0001D5F9\U0001D5FD", "help")] // N1 NFKC mathematical sans-serif bold
    [InlineData("a\u00A0b", "a b")]                        // N1 NFKC no-break space
    [InlineData("\u201Cquoted\u201D", "\"quoted\"")]        // N1 curly quotes
    public void N1_unicode_controls_and_quotes(string input, string expected) => Assert.Equal(expected, Clean(input));

    [Theory]
    [InlineData("HELLO There", "hello there")]
    [InlineData("ÄÖÜ I", "äöü i")] // invariant culture lower-casing
    public void N2_lower_case_invariant(string input, string expected) => Assert.Equal(expected, Clean(input));

    [Theory]
    [InlineData("  too   many    spaces  ", "too many spaces")]
    [InlineData("what...", "what.")]
    [InlineData("really!!!", "really!")]
    [InlineData("why??", "why?")]
    [InlineData("soooo", "soo")]
    [InlineData("tiiiired", "tiired")]
    [InlineData("good", "good")]
    public void N3_collapses(string input, string expected) => Assert.Equal(expected, Clean(input));

    [Theory]
    [InlineData("can't", "can not")]
    [InlineData("won't", "will not")]
    [InlineData("don't", "do not")]
    [InlineData("isn't", "is not")]
    [InlineData("i'm", "i am")]
    [InlineData("you're", "you are")]
    [InlineData("i've", "i have")]
    [InlineData("i'll", "i will")]
    [InlineData("i'd", "i would")]
    [InlineData("it's", "it is")]
    [InlineData("that's", "that is")]
    [InlineData("what's", "what is")]
    [InlineData("there's", "there is")]
    [InlineData("he's", "he is")]
    [InlineData("she's", "she is")]
    [InlineData("let's", "let us")]
    [InlineData("cannot", "can not")]
    [InlineData("dont doesnt didnt cant couldnt wouldnt shouldnt", "do not does not did not can not could not would not should not")]
    [InlineData("isnt wasnt arent havent hasnt wont", "is not was not are not have not has not will not")]
    [InlineData("im ive youre thats whats theres", "i am i have you are that is what is there is")]
    [InlineData("wanna gonna gotta kinda dunno", "want to going to have to kind of do not know")]
    [InlineData("my self", "myself")]
    [InlineData("self-harm", "self harm")]
    [InlineData("light-headed", "light headed")]
    [InlineData("its ill id were well hell shell wed lets", "its ill id were well hell shell wed lets")]
    [InlineData("my mum's car", "my mum's car")]
    public void N4_contractions(string input, string expected) => Assert.Equal(expected, Clean(input));

    [Fact]
    public void N5_tokens_and_clause_boundaries()
    {
        var tokens = TextNormalizer.Tokenize(Clean("Yes, but I'm scared - really; ok: fine! no? well. and—so, though however"));
        Assert.Equal(
            ["yes", "but", "i", "am", "scared", "really", "ok", "fine", "no", "well", "and", "so", "though", "however"],
            tokens.Select(t => t.Text));
        var clauses = tokens.Select(t => t.Clause).ToArray();
        Assert.Equal(clauses.Length, clauses.Distinct().Count() + 2); // "i am scared" share one clause
        Assert.Equal(clauses[2], clauses[3]);
        Assert.Equal(clauses[3], clauses[4]);
        Assert.True(tokens[1].IsClauseWord);
    }

    [Fact]
    public void N5_dash_between_words_is_a_boundary_but_hyphen_is_not()
    {
        var a = Analyzer.Instance.Analyze("i want to die - no", QuestionKind.None);
        Assert.Equal(["i", "want", "to", "die", "no"], a.WordTokens);
        var b = TextNormalizer.Tokenize(Clean("self-harm"));
        Assert.Equal(b[0].Clause, b[1].Clause);
    }

    [Fact]
    public void Punctuation_only_input_has_no_word_tokens()
    {
        var a = Analyzer.Instance.Analyze(" ... ?! ", QuestionKind.None);
        Assert.False(a.HasWords);
        Assert.Empty(a.WordTokens);
    }

    [Fact]
    public void Stretched_words_are_repaired()
    {
        var a = Analyzer.Instance.Analyze("soooo tiiired, yesss", QuestionKind.None);
        Assert.Equal("so tired, yes", a.CorrectedInput);
        Assert.Contains("tired", a.Emotion.NegativeWords);
        Assert.True(a.Answers.Affirm);
    }

    [Fact]
    public void Cleaned_and_corrected_inputs_are_reported()
    {
        var a = Analyzer.Instance.Analyze("I'm realy TIERD", QuestionKind.None);
        Assert.Equal("I'm realy TIERD", a.OriginalInput);
        Assert.Equal("i am realy tierd", a.CleanedInput);
        Assert.Equal("i am really tired", a.CorrectedInput);
        Assert.Equal(["i", "am", "really", "tired"], a.WordTokens);
    }
}
