using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Engine.Tests.Text;

public class SmokeTests
{
    [Fact]
    public void Loads_default_data_and_reports_a_version()
    {
        var a = Analyzer.Instance;
        Assert.Equal(12, a.DataVersion.Length);
        Assert.True(a.KnownWordCount >= 20000);
    }

    [Fact]
    public void Analyze_fills_every_field()
    {
        var r = Analyzer.Instance.Analyze("I'm sooo stresed at work, my shoudlers are tite", QuestionKind.None);
        Assert.Equal("i am soo stresed at work, my shoudlers are tite", r.CleanedInput);
        Assert.Equal("i am soo stressed at work, my shoulders are tight", r.CorrectedInput);
        Assert.Contains("stressed", r.Emotion.NegativeWords);
        Assert.Contains("shoulders", r.Body.Locations);
        Assert.Contains("tight", r.Body.Sensations);
        Assert.Contains("work", r.Problem.Topics);
    }
}
