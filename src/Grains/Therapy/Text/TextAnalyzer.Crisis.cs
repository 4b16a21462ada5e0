using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Text;

public sealed partial class TextAnalyzer
{
    // §5.1 crisis detector.
    private CrisisAnalysis DetectCrisis(AnalysisContext cx)
    {
        var denials = cx.Get(ListNames.CrisisDenial);
        var accident = AccidentClauses(cx);
        var candidates = new List<LexMatch>();
        foreach (var m in cx.Get(ListNames.CrisisCue))
        {
            var denied = false;
            foreach (var d in denials)
            {
                if (d.Clause == m.Clause && d.Overlaps(m)) { denied = true; break; }
            }
            if (denied) continue;
            if (m.Entry.AccidentVoidable && accident.Contains(m.Clause) && !LeadInBefore(cx, m)) continue;
            candidates.Add(m);
        }

        var risk = RiskLevel.None;
        var phrases = new List<string>();
        var cueIds = new List<string>();
        var denialNoted = false;
        foreach (var m in AnalysisContext.Longest(candidates))
        {
            var tier = Tier(m.Entry.Category);
            if (cx.IsNegated(m.Start, crisis: true))
            {
                // A negated cue of tier moderate or higher is reported as low; a negated low cue is nothing.
                if (tier < RiskLevel.Moderate) continue;
                tier = RiskLevel.Low;
                denialNoted = true;
            }
            if (tier > risk) risk = tier;
            AddDistinct(phrases, cx.Text(m));
            AddDistinct(cueIds, m.Entry.Id);
        }
        foreach (var d in AnalysisContext.Longest(denials))
        {
            denialNoted = true;
            if (risk < RiskLevel.Low) risk = RiskLevel.Low;
            AddDistinct(phrases, cx.Text(d));
            AddDistinct(cueIds, d.Entry.Id);
        }
        if (risk >= RiskLevel.Moderate)
        {
            foreach (var marker in cx.Get(ListNames.CrisisImmediacy))
            {
                if (!cx.IsNegated(marker.Start)) { risk = RiskLevel.Immediate; break; }
            }
        }
        return new CrisisAnalysis(risk, phrases, cueIds, denialNoted);
    }

    private static RiskLevel Tier(string category) => category switch
    {
        "immediate" => RiskLevel.Immediate,
        "high" => RiskLevel.High,
        "moderate" => RiskLevel.Moderate,
        "low" => RiskLevel.Low,
        _ => throw new InvalidDataException("Unknown crisis tier in lexicon data."),
    };

    // Clauses holding an accident context: a listed phrase, or `while` directly followed by an -ing word.
    private static HashSet<int> AccidentClauses(AnalysisContext cx)
    {
        var set = new HashSet<int>();
        foreach (var m in cx.Get(ListNames.CrisisAccident)) set.Add(m.Clause);
        for (var i = 0; i + 1 < cx.WordCount; i++)
        {
            if (cx.Words[i] == "while" && cx.ClauseOf[i + 1] == cx.ClauseOf[i]
                && cx.Words[i + 1].Length > 4 && cx.Words[i + 1].EndsWith("ing", StringComparison.Ordinal))
            {
                set.Add(cx.ClauseOf[i]);
            }
        }
        return set;
    }

    // A high-row lead-in (want, going, plan, urge, feel like, thinking of/about), optionally followed by `to`,
    // directly before the cue keeps it a cue even in an accident context.
    private static bool LeadInBefore(AnalysisContext cx, LexMatch cue)
    {
        var end = cue.Start;
        foreach (var lead in cx.Get(ListNames.CrisisLeadIn))
        {
            if (lead.Clause != cue.Clause) continue;
            if (lead.End == end) return true;
            if (lead.End == end - 1 && cx.Words[end - 1] == "to") return true;
        }
        return false;
    }

    // §5.2 emotion detector.
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
            if (cx.IsNegated(m.Start)) continue;
            yield return m;
        }
    }

    private static bool IsNegativeEmotion(LexMatch m) => m.Entry.Category.StartsWith("negative_", StringComparison.Ordinal);
}
