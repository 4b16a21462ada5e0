using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Text;

public sealed partial class TextAnalyzer
{
    // docs/engine.md "Text normalisation and detectors" crisis detector.
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
        foreach (var m in ResolveCues(candidates))
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

    /// <summary>Overlapping cues: a cue is dropped only when it overlaps a kept cue of at least its tier (longer first
    /// within a tier), so "want to hurt myself" absorbs "hurt myself" but a higher tier is never hidden by a longer
    /// lower-tier entry.</summary>
    private static List<LexMatch> ResolveCues(List<LexMatch> candidates)
    {
        var sorted = candidates
            .OrderByDescending(m => Tier(m.Entry.Category))
            .ThenByDescending(m => m.Length)
            .ThenBy(m => m.Start)
            .ToList();
        var kept = new List<LexMatch>(sorted.Count);
        foreach (var m in sorted)
        {
            var blocked = false;
            foreach (var k in kept)
            {
                if (k.Clause == m.Clause && k.Overlaps(m) && !(k.Start == m.Start && k.End == m.End && !ReferenceEquals(k.Entry, m.Entry)))
                {
                    blocked = true;
                    break;
                }
            }
            if (!blocked) kept.Add(m);
        }
        kept.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        return kept;
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
}
