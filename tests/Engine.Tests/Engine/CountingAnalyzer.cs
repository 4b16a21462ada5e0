using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Engine.Tests.Engine;

/// <summary>Counts how often, and on how much text, the engine runs the detectors (the test hook of "the input is
/// analysed once per turn").</summary>
internal sealed class CountingAnalyzer(ITextAnalyzer inner) : ITextAnalyzer
{
    public int AnalyzeCalls { get; private set; }

    public int DetectCrisisCalls { get; private set; }

    public int LongestInput { get; private set; }

    public string DataVersion => inner.DataVersion;

    public TextAnalysis Analyze(string input, QuestionKind pending)
    {
        AnalyzeCalls++;
        LongestInput = Math.Max(LongestInput, input.Length);
        return inner.Analyze(input, pending);
    }

    public CrisisAnalysis DetectCrisis(string input)
    {
        DetectCrisisCalls++;
        LongestInput = Math.Max(LongestInput, input.Length);
        return inner.DetectCrisis(input);
    }
}
