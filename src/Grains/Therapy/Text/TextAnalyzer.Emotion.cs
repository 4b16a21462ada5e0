using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Text;

public sealed partial class TextAnalyzer
{
    // docs/engine.md "Text normalisation and detectors" emotion detector.
    private static readonly string[] EmotionCategories = ["negative_high", "negative_moderate", "negative_low", "neutral", "positive"];

    private static EmotionAnalysis DetectEmotion(AnalysisContext cx, CrisisAnalysis crisis)
    {
        var byCategory = new List<string>?[EmotionCategories.Length];
        var negative = new List<string>();
        var positive = new List<string>();
        var intensity = 0;
        foreach (var m in CountedEmotions(cx))
        {
            var idx = Array.IndexOf(EmotionCategories, m.Entry.Category);
            if (idx < 0) throw new InvalidDataException("Unknown emotion category in lexicon data.");
            var text = cx.Text(m);
            AddDistinct(byCategory[idx] ??= [], text);
            if (idx <= 2)
            {
                negative.Add(text);
                intensity = Math.Max(intensity, 3 - idx);
            }
            else if (idx == 4)
            {
                positive.Add(text);
            }
        }
        var categories = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        for (var i = 0; i < EmotionCategories.Length; i++)
        {
            if (byCategory[i] is { Count: > 0 } list) categories[EmotionCategories[i]] = list;
        }
        var primary = byCategory[0] is not null || crisis.Risk >= RiskLevel.Moderate ? "crisis_level"
            : byCategory[1] is not null ? "moderate_distress"
            : byCategory[2] is not null ? "mild_distress"
            : byCategory[4] is not null ? "positive_state"
            : "neutral_unclear";
        return new EmotionAnalysis(categories, intensity, primary, negative, positive);
    }

    /// <summary>Emotion matches that count: longest, framed ones framed, not negated.</summary>
    private static IEnumerable<LexMatch> CountedEmotions(AnalysisContext cx)
    {
        foreach (var m in AnalysisContext.Longest(cx.Get(ListNames.Emotion)))
        {
            if (m.Entry.Framed && !(cx.HasFrame(m.Start) || cx.WordCount <= 4)) continue;
            if (cx.IsNegated(m.Start) || OtherPersons(cx, m)) continue;
            yield return m;
        }
    }

    /// <summary>"my dad was always angry": the emotion belongs to someone else, not to the client.</summary>
    private static bool OtherPersons(AnalysisContext cx, LexMatch m)
    {
        // "the kids are driving me mad" is still the client's emotion.
        for (var i = m.Start; i < m.End; i++) if (cx.Words[i] == "me") return false;
        foreach (var o in cx.Get(ListNames.EmotionOtherSubject))
        {
            if (o.Clause == m.Clause && o.End <= m.Start && AllFillers(cx, o.End, m.Start)) return true;
        }
        return false;
    }

    private static bool IsNegativeEmotion(LexMatch m) => m.Entry.Category.StartsWith("negative_", StringComparison.Ordinal);
}
