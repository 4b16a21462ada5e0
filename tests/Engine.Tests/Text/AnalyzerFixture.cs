using TrtOrleans.Therapy.Text;

namespace TrtOrleans.Engine.Tests.Text;

/// <summary>One analyzer for every text test: construction compiles the data once, like the process does.</summary>
public static class Analyzer
{
    private static readonly Lazy<TextAnalyzer> Lazy = new(TextAnalyzer.LoadDefault);

    public static TextAnalyzer Instance => Lazy.Value;
}
