using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Engine.Tests.Evaluation;

/// <summary>Counts per detector over the labelled utterances.</summary>
internal sealed class DetectorCount
{
    public int TruePositive { get; set; }
    public int FalsePositive { get; set; }
    public int FalseNegative { get; set; }
    public int Support => TruePositive + FalseNegative;
    public double Precision => TruePositive + FalsePositive == 0 ? 1 : (double)TruePositive / (TruePositive + FalsePositive);
    public double Recall => Support == 0 ? 1 : (double)TruePositive / Support;
}

/// <summary>Maps one analysis onto the evaluation's detector labels and scores it against an utterance's labels.</summary>
internal static class DetectorScoring
{
    /// <summary>The binary detectors, in report order.</summary>
    public static readonly IReadOnlyList<string> Binary =
    [
        "crisis", "negative_emotion", "positive_emotion", "goal", "thinking", "past", "idk", "location", "sensation",
        "body_absent", "present", "body_change", "problem", "pattern", "affirm", "decline", "nothing_more", "ready", "stop",
        "confusion", "question",
    ];

    public static HashSet<string> Fired(TextAnalysis a)
    {
        var fired = new HashSet<string>(StringComparer.Ordinal);
        void Add(bool on, string label)
        {
            if (on) fired.Add(label);
        }

        Add(a.Crisis.Detected, "crisis");
        Add(a.Emotion.NegativeWords.Count > 0, "negative_emotion");
        Add(a.Emotion.PositiveWords.Count > 0, "positive_emotion");
        Add(a.Goal.Recognised, "goal");
        Add(a.Thinking.Detected, "thinking");
        Add(a.PastTense.Detected, "past");
        Add(a.IDontKnow.Detected, "idk");
        Add(a.Body.Locations.Count > 0, "location");
        Add(a.Body.Sensations.Count > 0, "sensation");
        Add(a.Body.Absent, "body_absent");
        Add(a.Body.PresentCue, "present");
        Add(a.Body.Changing, "body_change");
        Add(a.Problem.Topics.Count > 0 || a.Problem.Statement is not null, "problem");
        Add(a.Problem.PatternAnswer, "pattern");
        Add(a.Answers.Affirm, "affirm");
        Add(a.Answers.Decline, "decline");
        Add(a.Answers.NothingMore, "nothing_more");
        Add(a.Answers.Ready, "ready");
        Add(a.Answers.Stop, "stop");
        Add(a.Answers.Confusion, "confusion");
        Add(a.IsQuestion, "question");
        return fired;
    }

    /// <summary>Scores one utterance; returns the disagreements ("+x" fired wrongly, "-x" missed).</summary>
    public static List<string> Score(LabelledUtterance u, TextAnalysis a, Dictionary<string, DetectorCount> counts)
    {
        var fired = Fired(a);
        var expected = new HashSet<string>(u.Labels, StringComparer.Ordinal);
        var misses = new List<string>();
        foreach (var d in Binary)
        {
            var c = Get(counts, d);
            var exp = expected.Contains(d);
            var got = fired.Contains(d);
            // A goal with the wrong label is a wrong detection and a missed one.
            if (d == "goal" && exp && got && u.GoalLabel is not null && a.Goal.Label != u.GoalLabel)
            {
                c.FalsePositive++;
                c.FalseNegative++;
                misses.Add($"goal label {a.Goal.Label} (expected {u.GoalLabel})");
                continue;
            }

            if (exp && got) c.TruePositive++;
            else if (got) { c.FalsePositive++; misses.Add("+" + d); }
            else if (exp) { c.FalseNegative++; misses.Add("-" + d); }
        }

        if (u.Checkpoint is not null) Classify(counts, "checkpoint", u.Checkpoint, a.Checkpoint.ToString().ToLowerInvariant(), Enum.GetNames<CheckpointClass>(), misses);
        if (u.Safety is not null) Classify(counts, "safety_answer", u.Safety, a.SafetyAnswer.ToString().ToLowerInvariant(), Enum.GetNames<SafetyAnswerClass>(), misses);
        return misses;
    }

    /// <summary>A class-valued detector scored one class at a time ("checkpoint:calm").</summary>
    private static void Classify(Dictionary<string, DetectorCount> counts, string detector, string expected, string actual,
        string[] classes, List<string> misses)
    {
        foreach (var cls in classes.Select(c => c.ToLowerInvariant()))
        {
            var c = Get(counts, $"{detector}:{cls}");
            if (expected == cls && actual == cls) c.TruePositive++;
            else if (actual == cls) c.FalsePositive++;
            else if (expected == cls) c.FalseNegative++;
        }

        if (expected != actual) misses.Add($"{detector} {actual} (expected {expected})");
    }

    private static DetectorCount Get(Dictionary<string, DetectorCount> counts, string d)
    {
        if (!counts.TryGetValue(d, out var c)) counts[d] = c = new DetectorCount();
        return c;
    }
}
