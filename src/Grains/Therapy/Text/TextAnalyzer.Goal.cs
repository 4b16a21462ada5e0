using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Text;

public sealed partial class TextAnalyzer
{
    /// <summary>Canonical labels in table order (docs/engine.md "Text normalisation and detectors"): when several match, the first one wins.</summary>
    internal static readonly string[] GoalLabels = ["calm", "peaceful", "at ease", "lighter", "happy", "safe", "confident", "vague"];

    private const int DefaultGoalRank = 2; // "at ease": default for anything unmapped

    private readonly record struct StateSpan(int Start, int End, int Clause, int Rank, string Phrase, bool Reduction);

    private sealed record GoalCandidate(int Rank, string Phrase);

    // docs/engine.md "Text normalisation and detectors" goal detector: four forms; the fourth reads the pending question kind.
    private GoalAnalysis DetectGoal(AnalysisContext cx, QuestionKind pending)
    {
        var answersGoalQuestion = pending is QuestionKind.Goal or QuestionKind.GoalMenu or QuestionKind.GoalRefine;
        // Amendment A1: "ok", "i guess so", "hmm, dunno" answer the question without stating a goal.
        if (answersGoalQuestion && OnlyAcknowledgement(cx)) return GoalAnalysis.None;
        var spans = StateSpans(cx);
        GoalCandidate? best = null;
        var stateFree = false;

        void Consider(GoalCandidate? c, bool isStateFree)
        {
            if (c is null) return;
            if (isStateFree) stateFree = true;
            if (best is null || c.Rank < best.Rank) best = c;
        }

        // 1. desire frame + state within the next 5 tokens.
        foreach (var d in cx.Get(ListNames.GoalDesire))
        {
            if (cx.IsNegated(d.Start)) continue;
            Consider(Group(cx, spans, d.Clause, d.End, d.End + 5), true);
        }
        // 2. reduction of a negative emotion (incl. a negated desire + negative emotion).
        foreach (var s in spans)
        {
            if (s.Reduction) Consider(new GoalCandidate(s.Rank, s.Phrase), true);
        }
        // 3. return frame.
        foreach (var r in cx.Get(ListNames.GoalReturn))
        {
            if (cx.IsNegated(r.Start)) continue;
            if (r.Entry.Category == "vague")
            {
                Consider(new GoalCandidate(Array.IndexOf(GoalLabels, "vague"), "myself again"), true);
                continue;
            }
            var from = SkipFillers(cx, r.End, cx.ClauseEnd[r.Clause]);
            foreach (var s in spans)
            {
                if (s.Clause == r.Clause && s.Start == from) { Consider(Group(cx, spans, r.Clause, from, int.MaxValue), true); break; }
            }
        }
        // 4. answer to a goal question.
        if (answersGoalQuestion)
        {
            foreach (var t in cx.Get(ListNames.GoalToFrame))
            {
                if (!cx.IsNegated(t.Start)) Consider(Group(cx, spans, t.Clause, t.End, int.MaxValue), false);
            }
            // A1: a vague word ("fine", "better") makes a goal only inside a desire frame or a "to feel" phrase,
            // so the short-answer form reads specific state words only.
            var specific = spans.FindAll(s => s.Rank != VagueRank);
            if (specific.Count > 0 && ShortAnswer(cx, specific[0].Clause))
            {
                Consider(Group(cx, specific, specific[0].Clause, specific[0].Start, int.MaxValue), false);
            }
            // As an answer to "what would you like to feel?", "not feeling so overwhelmed" is a reduction too.
            // A present self-description ("i am not anxious") is a report, not a wish.
            foreach (var s in ReductionSpans(cx, ListNames.GoalAnswerReduction))
            {
                var described = false;
                foreach (var d in cx.Get(ListNames.GoalSelfDescription))
                {
                    if (d.Clause == s.Clause) { described = true; break; }
                }
                if (!described) Consider(new GoalCandidate(s.Rank, s.Phrase), false);
            }
        }
        return best is null ? GoalAnalysis.None : new GoalAnalysis(true, GoalLabels[best.Rank], best.Phrase, stateFree);
    }

    private static readonly int VagueRank = Array.IndexOf(GoalLabels, "vague");

    /// <summary>The short-answer form of docs/engine.md "Text normalisation and detectors": at most 4 word tokens, not counting the acknowledgements and hedges
    /// of A1 around the state ("probably more relaxed, i suppose"), or a first clause of at most 4 tokens that holds
    /// the state ("content. that is the word"); never with a present self-description in that clause.</summary>
    private static bool ShortAnswer(AnalysisContext cx, int clause)
    {
        foreach (var d in cx.Get(ListNames.GoalSelfDescription))
        {
            if (d.Clause == clause) return false;
        }
        var hedge = new bool[cx.WordCount];
        foreach (var m in cx.Get(ListNames.GoalAckFiller)) for (var i = m.Start; i < m.End; i++) hedge[i] = true;
        var content = 0;
        for (var i = 0; i < cx.WordCount; i++) if (!hedge[i] && !cx.IsClauseWord[i]) content++;
        if (content <= 4) return true;
        if (clause == cx.FirstClause && cx.ClauseEnd[clause] - cx.ClauseStart[clause] <= 4) return true;
        // The state leads the answer and a short qualifier follows: "more at ease with people".
        var first = 0;
        while (first < cx.WordCount)
        {
            if (cx.Trie.IsFiller(cx.Words, first, cx.WordCount, out var next)) first = next;
            else if (hedge[first] || cx.IsClauseWord[first]) first++;
            else break;
        }
        foreach (var m in cx.Get(ListNames.GoalState))
        {
            if (m.Start == first && m.Clause == clause && cx.WordCount <= 8) return true;
        }
        return false;
    }

    /// <summary>True when every word token is covered by acknowledgement/filler entries, [adv] fillers or
    /// courtesy words (A1).</summary>
    private static bool OnlyAcknowledgement(AnalysisContext cx)
    {
        if (cx.WordCount == 0) return false;
        var acks = cx.Get(ListNames.GoalAckFiller);
        var courtesy = cx.Get(ListNames.Courtesy);
        var p = 0;
        while (p < cx.WordCount)
        {
            var next = -1;
            foreach (var m in acks) if (m.Start == p) next = Math.Max(next, m.End);
            foreach (var m in courtesy) if (m.Start == p) next = Math.Max(next, m.End);
            if (next < 0 && cx.Trie.IsFiller(cx.Words, p, cx.WordCount, out var f)) next = f;
            if (next < 0 && cx.IsClauseWord[p]) next = p + 1;
            if (next <= p) return false;
            p = next;
        }
        return true;
    }

    /// <summary>The first state span of <paramref name="clause"/> starting at or after <paramref name="from"/> and
    /// ending by <paramref name="maxEnd"/>, joined with the spans that follow it closely ("calm and peaceful").</summary>
    private static GoalCandidate? Group(AnalysisContext cx, List<StateSpan> spans, int clause, int from, int maxEnd)
    {
        var first = -1;
        for (var i = 0; i < spans.Count; i++)
        {
            if (spans[i].Clause == clause && spans[i].Start >= from && spans[i].End <= maxEnd) { first = i; break; }
        }
        if (first < 0) return null;
        var rank = spans[first].Rank;
        var last = first;
        for (var i = first + 1; i < spans.Count; i++)
        {
            if (spans[i].Clause != clause || spans[i].Start < spans[last].End) continue;
            if (!Connects(cx, spans[last].End, spans[i].Start)) break;
            last = i;
            rank = Math.Min(rank, spans[i].Rank);
        }
        var phrase = first == last ? spans[first].Phrase : cx.Span(spans[first].Start, spans[last].End);
        return new GoalCandidate(rank, phrase);
    }

    /// <summary>Tokens [from, to) join two state phrases: connectors ("and", "or", "more") and fillers only.</summary>
    private static bool Connects(AnalysisContext cx, int from, int to)
    {
        var p = from;
        while (p < to)
        {
            var next = -1;
            foreach (var c in cx.Get(ListNames.GoalStateConnector))
            {
                if (c.Start == p && c.End <= to) next = Math.Max(next, c.End);
            }
            if (next < 0 && cx.Trie.IsFiller(cx.Words, p, to, out var f)) next = f;
            if (next < 0) return false;
            p = next;
        }
        return true;
    }

    private static int SkipFillers(AnalysisContext cx, int pos, int end)
    {
        while (cx.Trie.IsFiller(cx.Words, pos, end, out var next)) pos = next;
        return pos;
    }

    /// <summary>State words/phrases (not negated, not reduced) and reductions of negative emotions, by start.</summary>
    private List<StateSpan> StateSpans(AnalysisContext cx)
    {
        var reductions = cx.Get(ListNames.GoalReduction);
        var spans = ReductionSpans(cx, ListNames.GoalReduction);
        foreach (var m in AnalysisContext.Longest(cx.Get(ListNames.GoalState)))
        {
            if (cx.IsNegated(m.Start) || ReducedAt(cx, reductions, m)) continue;
            var overlapsReduction = false;
            foreach (var s in spans)
            {
                if (s.Clause == m.Clause && s.Start < m.End && m.Start < s.End) { overlapsReduction = true; break; }
            }
            if (overlapsReduction) continue;
            var rank = Array.IndexOf(GoalLabels, m.Entry.Category);
            if (rank < 0) throw new InvalidDataException("Unknown goal label in lexicon data.");
            spans.Add(new StateSpan(m.Start, m.End, m.Clause, rank, cx.Text(m), false));
        }
        spans.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return spans;
    }

    /// <summary>Negative emotion words right after a prefix of <paramref name="prefixList"/> (fillers may sit between).</summary>
    private List<StateSpan> ReductionSpans(AnalysisContext cx, string prefixList)
    {
        var prefixes = cx.Get(prefixList);
        var spans = new List<StateSpan>();
        if (prefixes.Count == 0) return spans;
        foreach (var m in AnalysisContext.Longest(cx.Get(ListNames.Emotion)))
        {
            if (!IsNegativeEmotion(m)) continue;
            foreach (var r in prefixes)
            {
                if (r.Clause != m.Clause || r.End > m.Start || !AllFillers(cx, r.End, m.Start)) continue;
                var word = cx.Text(m);
                spans.Add(new StateSpan(r.Start, m.End, m.Clause, ReductionRank(word), "less " + word, true));
                break;
            }
        }
        return spans;
    }

    // "less happy" is no goal: a state word right after a reduction prefix is dropped.
    private static bool ReducedAt(AnalysisContext cx, List<LexMatch> reductions, LexMatch state)
    {
        foreach (var r in reductions)
        {
            if (r.Clause == state.Clause && r.End <= state.Start && AllFillers(cx, r.End, state.Start)) return true;
        }
        return false;
    }

    private int ReductionRank(string emotionWord) =>
        _reductionRank.TryGetValue(emotionWord, out var rank) ? rank : DefaultGoalRank;
}
