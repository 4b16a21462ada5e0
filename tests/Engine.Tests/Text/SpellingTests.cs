using TrtOrleans.Therapy.Contracts;
using TrtOrleans.Therapy.Text;

namespace TrtOrleans.Engine.Tests.Text;

public class SpellingTests
{
    private static TextAnalysis A(string s) => Analyzer.Instance.Analyze(s, QuestionKind.None);

    [Theory]
    [InlineData("stresed", "stressed")]
    [InlineData("anxius", "anxious")]
    [InlineData("overwelmed", "overwhelmed")]
    [InlineData("realy", "really")]
    [InlineData("tierd", "tired")]
    [InlineData("tite", "tight")]
    [InlineData("shoudlers", "shoulders")]
    [InlineData("stomache", "stomach")]
    [InlineData("suicde", "suicide")]
    [InlineData("kil", "kill")]
    [InlineData("myslef", "myself")]
    [InlineData("idk", "i do not know")]
    [InlineData("kms", "kill myself")]
    [InlineData("unalive", "kill")]
    public void Explicit_map(string typed, string expected)
    {
        var a = A(typed);
        Assert.Equal(expected, a.CorrectedInput);
        Assert.Equal([new KeyValuePair<string, string>(typed, expected)], a.SpellingCorrections);
    }

    [Theory]
    [InlineData("feels")]
    [InlineData("heat")]
    [InlineData("right")]
    [InlineData("light")]
    [InlineData("knot")]
    [InlineData("pressure")]
    [InlineData("dye")]
    [InlineData("harmony")]
    [InlineData("studies")]
    [InlineData("attend")]
    public void Known_words_are_never_changed(string word)
    {
        var a = A("it " + word);
        Assert.Equal("it " + word, a.CorrectedInput);
        Assert.Empty(a.SpellingCorrections);
    }

    [Theory]
    [InlineData("right now")]
    [InlineData("light headed")]
    public void Known_phrases_survive(string phrase) => Assert.Equal(phrase, A(phrase).CorrectedInput);

    [Theory]
    [InlineData("anxoius", "anxious")]     // transposition counts 1 (OSA)
    [InlineData("shouldres", "shoulders")] // length ≥ 8: transposition
    [InlineData("ovrwhelmed", "overwhelmed")] // length ≥ 8: deletion
    [InlineData("frustraetd", "frustrated")]  // length ≥ 8, distance 1
    [InlineData("tigth", "tight")]
    [InlineData("stomch", "stomach")]
    public void Unknown_words_are_corrected_to_domain_vocabulary(string typed, string expected)
    {
        var a = A("i feel " + typed);
        Assert.Equal("i feel " + expected, a.CorrectedInput);
        Assert.Single(a.SpellingCorrections);
    }

    [Theory]
    [InlineData("xyzq")]      // no candidate
    [InlineData("abc")]       // shorter than 4
    [InlineData("tigth2")]    // digits
    [InlineData("qwertyuiop")]
    public void Unknown_words_without_a_close_candidate_stay(string typed)
    {
        var a = A("i feel " + typed);
        Assert.Empty(a.SpellingCorrections);
    }

    [Theory]
    [InlineData("sory", "sorry")]   // not "sore"
    [InlineData("alot", "a lot")]
    [InlineData("tonite", "tonight")]
    [InlineData("ded", "dead")]
    public void Common_chat_typos_are_mapped(string typed, string expected) => Assert.Equal(expected, A(typed).CorrectedInput);

    [Fact]
    public void Identity_map_entries_protect_a_word_from_edit_distance()
    {
        var a = A("dang it");
        Assert.Equal("dang it", a.CorrectedInput);
        Assert.Empty(a.SpellingCorrections);
    }

    [Fact]
    public void Osa_distance_counts_an_adjacent_transposition_once()
    {
        Assert.Equal(1, SpellingCorrector.Osa("ab", "ba", 2));
        Assert.Equal(3, SpellingCorrector.Osa("abc", "ca", 3)); // OSA edits no substring twice (full Damerau gives 2)
        Assert.Equal(0, SpellingCorrector.Osa("same", "same", 1));
        Assert.Equal(2, SpellingCorrector.Osa("kitten", "sitting", 1)); // early exit reports limit + 1
    }

    [Fact]
    public void Ties_prefer_the_crisis_lexicon()
    {
        // "harn" is one edit from "harm" (crisis) and from "hard" (problem word): crisis priority wins.
        var a = A("i harn");
        Assert.Equal("i harm", a.CorrectedInput);
    }

    [Fact]
    public void Detectors_read_corrected_forms()
    {
        var a = A("i feel so anxius and tierd");
        Assert.Equal(["anxious", "tired"], a.Emotion.NegativeWords);
        var k = A("i want to kms");
        Assert.True(k.Crisis.Detected);
        Assert.Contains("kill myself", k.Crisis.PhrasesFound);
    }

    [Fact]
    public void Multi_word_expansion_keeps_the_clause()
    {
        var a = A("idk, maybe");
        Assert.Equal(["i", "do", "not", "know", "maybe"], a.WordTokens);
        Assert.True(a.IDontKnow.Detected);
    }
}
