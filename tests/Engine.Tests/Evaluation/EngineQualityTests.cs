using System.Text.Json;
using TrtOrleans.Engine.Tests.Text;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Engine.Tests.Evaluation;

/// <summary>The evaluation set: per-detector precision and recall on labelled utterances, and off-script
/// conversations turn by turn. Writes docs/engine-quality.md when TRT_WRITE_QUALITY_REPORT=1.</summary>
public sealed class EngineQualityTests
{
    private const double Epsilon = 1e-9;

    [Fact]
    public void TheSetHasTheAgreedSizeAndCoversEveryDetector()
    {
        var utterances = EvaluationData.Utterances();
        Assert.True(utterances.Count >= 400, $"{utterances.Count} utterances");
        Assert.Equal(utterances.Count, utterances.Select(u => u.Id).Distinct().Count());
        foreach (var d in DetectorScoring.Binary)
        {
            Assert.True(utterances.Count(u => u.Labels.Contains(d)) >= 5, $"detector {d} has fewer than 5 positives");
        }

        var unknown = utterances.SelectMany(u => u.Labels).Where(l => !DetectorScoring.Binary.Contains(l)).Distinct().ToList();
        Assert.Empty(unknown);
        var conversations = EvaluationData.Conversations();
        Assert.True(conversations.Count >= 60, $"{conversations.Count} conversations");
        Assert.Equal(conversations.Count, conversations.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public async Task DetectorsAndConversationsMeetTheTargetsAndDoNotRegress()
    {
        var utterances = EvaluationData.Utterances();
        var counts = new Dictionary<string, DetectorCount>(StringComparer.Ordinal);
        var disagreements = new List<(string, string, string)>();
        var perUtterance = new List<(string Kind, bool Correct)>();
        foreach (var u in utterances)
        {
            var a = Analyzer.Instance.Analyze(u.Text, Enum.Parse<QuestionKind>(u.Pending, ignoreCase: true));
            var misses = DetectorScoring.Score(u, a, counts);
            if (misses.Count > 0) disagreements.Add((u.Id, u.Text, string.Join(", ", misses)));
            perUtterance.Add((u.Kind, misses.Count == 0));
        }

        var outcomes = new List<ConversationOutcome>();
        foreach (var c in EvaluationData.Conversations())
        {
            outcomes.Add(await ConversationRunner.RunAsync(c));
        }

        var baseline = QualityBaseline.Load();
        if (Environment.GetEnvironmentVariable("TRT_WRITE_QUALITY_REPORT") == "1")
        {
            var root = RepoRoot();
            File.WriteAllText(Path.Combine(root, "docs", "engine-quality.md"),
                QualityReport.Markdown(perUtterance, counts, outcomes, baseline.PendingAmendments, disagreements));
            var recorded = new QualityBaseline(
                counts.ToDictionary(k => k.Key, k => new[] { Floor4(k.Value.Precision), Floor4(k.Value.Recall) }),
                outcomes.Where(o => o.Passed).Select(o => o.Conversation.Id).ToList(),
                baseline.PendingAmendments);
            File.WriteAllText(QualityBaseline.SourcePath(root), JsonSerializer.Serialize(recorded, QualityBaseline.Json) + "\n");
        }

        var failures = new List<string>();
        foreach (var (name, c) in counts)
        {
            if (c.Precision < QualityReport.PrecisionTarget || c.Recall < QualityReport.RecallTarget)
            {
                failures.Add($"{name}: precision {c.Precision:0.000}, recall {c.Recall:0.000}");
            }

            if (baseline.Detectors.TryGetValue(name, out var floor) && (c.Precision < floor[0] - Epsilon || c.Recall < floor[1] - Epsilon))
            {
                failures.Add($"{name}: below the recorded {floor[0]:0.000}/{floor[1]:0.000}");
            }
        }

        foreach (var o in outcomes.Where(o => !o.Passed))
        {
            var waits = (o.Conversation.Needs ?? []).Any(baseline.PendingAmendments.Contains);
            if (!waits || baseline.PassingConversations.Contains(o.Conversation.Id))
            {
                failures.Add($"conversation {o.Conversation.Id} ({o.Conversation.Title}): {o.Failure}");
            }
        }

        Assert.True(failures.Count == 0,
            string.Join("\n", failures) + "\n-- utterance disagreements --\n" +
            string.Join("\n", disagreements.Select(d => $"{d.Item1} [{d.Item2}]: {d.Item3}")));
    }

    /// <summary>Recorded figures are rounded down so a rerun on the same data never falls "below" them.</summary>
    private static double Floor4(double x) => Math.Floor(x * 10000) / 10000;

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TrtOrleans.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
