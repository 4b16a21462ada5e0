using TrtOrleans.Therapy.Contracts;
using TrtOrleans.Therapy.Text;

namespace TrtOrleans.Engine.Tests.Text;

public class TextRobustnessTests
{
    [Fact]
    public void Null_input_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => Analyzer.Instance.Analyze(null!, QuestionKind.None));
        Assert.Throws<ArgumentNullException>(() => Analyzer.Instance.DetectCrisis(null!));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\uD800")]                 // lone surrogate
    [InlineData("\uD83D\uDE22\uD83D\uDE22")] // emoji only
    [InlineData("----")]
    [InlineData("but")]
    [InlineData("but, however")]
    [InlineData("'''")]
    [InlineData("123 456")]
    public void Odd_inputs_analyse_without_error(string input)
    {
        var a = Analyzer.Instance.Analyze(input, QuestionKind.Sensation);
        Assert.NotNull(a.CorrectedInput);
        Assert.Equal(RiskLevel.None, a.Crisis.Risk);
        Assert.Equal(CheckpointClass.Unclear, a.Checkpoint);
    }

    [Fact]
    public void Very_long_input_is_analysed()
    {
        var input = string.Concat(Enumerable.Repeat("i keep feeling so tense in my shoulders at work and ", 400)) + "i want to die";
        var a = Analyzer.Instance.Analyze(input, QuestionKind.None);
        Assert.Equal(RiskLevel.High, a.Crisis.Risk);
        Assert.Equal(["shoulders"], a.Body.Locations);
    }

    [Fact]
    public void Missing_data_directory_fails_at_construction() =>
        Assert.Throws<DirectoryNotFoundException>(() => new TextAnalyzer(Path.Combine(Path.GetTempPath(), "no-such-trt-data-" + Guid.NewGuid())));

    [Fact]
    public void Data_version_is_stable_across_instances() =>
        Assert.Equal(Analyzer.Instance.DataVersion, new TextAnalyzer(TextAnalyzer.DefaultDataDirectory).DataVersion);

    [Fact]
    public void Word_list_ships_with_its_licence_notice()
    {
        var dir = TextAnalyzer.DefaultDataDirectory;
        var words = File.ReadAllLines(Path.Combine(dir, "wordlist.txt"));
        Assert.True(words.Length >= 20000);
        Assert.All(words.Take(500), w => Assert.Matches("^[a-z]+$", w));
        Assert.Contains("SCOWL", File.ReadAllText(Path.Combine(dir, "wordlist.LICENSE.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public void Domain_vocabulary_covers_negators_fillers_frames_and_markers()
    {
        // Each is a real word already, but the guard must hold even for domain-only words such as "unburdened".
        foreach (var w in new[] { "unburdened", "nowhere", "honestly", "tonight", "planning", "overdose", "tummy" })
        {
            var a = Analyzer.Instance.Analyze(w, QuestionKind.None);
            Assert.Empty(a.SpellingCorrections);
        }
    }
}
