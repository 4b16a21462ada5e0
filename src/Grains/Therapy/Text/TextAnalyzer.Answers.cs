using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Text;

public sealed partial class TextAnalyzer
{
    // docs/engine.md "Text normalisation and detectors" answer cue sets and docs/engine.md "Text normalisation and detectors" idk, resolved together so the longest match wins ("no idea" is idk, not `no`).
    private AnswerCues DetectAnswers(AnalysisContext cx, out DetectorHit idk)
    {
        var pool = new List<LexMatch>(cx.Get(ListNames.Answer));
        pool.AddRange(cx.Get(ListNames.Idk));
        var resolved = AnalysisContext.Longest(pool);

        bool affirm = false, decline = false, nothingMore = false, ready = false, consent = false, stop = false, confusion = false;
        List<string>? idkFound = null;
        var idkAnswer = false;
        // A lone "no," or "yes," leads the answer; the clause after it is still the answer ("no, i think that is
        // everything really, …").
        var lead = cx.FirstClause;
        var second = -1;
        if (lead >= 0 && cx.ClauseEnd[lead] - cx.ClauseStart[lead] == 1)
        {
            for (var i = cx.ClauseEnd[lead]; i < cx.WordCount; i++)
            {
                if (!cx.IsClauseWord[i]) { second = cx.ClauseOf[i]; break; }
            }
        }
        foreach (var m in resolved)
        {
            if (m.Entry.List == ListNames.Idk)
            {
                idkFound ??= [];
                AddDistinct(idkFound, cx.Text(m));
                if (cx.WordCount <= 6 || !ComplementAt(cx, m.End)) idkAnswer = true;
                continue;
            }
            var set = m.Entry.Category;
            var counts = m.Entry.Anywhere || set == "CONFUSION" || m.Clause == cx.FirstClause || m.Clause == second || cx.WordCount <= 6;
            if (!counts) continue;
            if (set is not ("DECLINE" or "CONFUSION") && cx.IsNegated(m.Start, crisis: false, leadingParticle: true)) continue;
            switch (set)
            {
                case "AFFIRM": affirm = true; break;
                case "DECLINE": decline = true; break;
                case "NOTHING_MORE": nothingMore = true; break;
                case "READY": ready = true; break;
                case "CONSENT": consent = true; break;
                case "STOP": stop = true; break;
                case "CONFUSION": confusion = true; break;
                default: throw new InvalidDataException("Unknown answer set in lexicon data.");
            }
        }
        consent = consent || affirm || ready;
        idk = idkFound is null ? DetectorHit.None : new DetectorHit(true, idkFound);
        var maybe = cx.Get(ListNames.Maybe).Count > 0;
        return new AnswerCues(affirm, BareAffirm(cx), decline, nothingMore, ready, consent, stop, confusion, idkAnswer, maybe);
    }

    private static bool ComplementAt(AnalysisContext cx, int pos)
    {
        if (pos >= cx.WordCount) return false;
        foreach (var c in cx.Get(ListNames.IdkComplement))
        {
            if (c.Start == pos) return true;
        }
        return false;
    }

    /// <summary>Every word token covered by a non-negated AFFIRM entry (whole-input entries included), an [adv]
    /// filler or a courtesy word (docs/engine.md "Text normalisation and detectors").</summary>
    private bool BareAffirm(AnalysisContext cx)
    {
        if (cx.WordCount == 0) return false;
        var covered = new bool[cx.WordCount];
        var any = false;
        foreach (var m in cx.Get(ListNames.Answer))
        {
            if (m.Entry.Category != "AFFIRM" || cx.IsNegated(m.Start)) continue;
            any = true;
            for (var i = m.Start; i < m.End; i++) covered[i] = true;
        }
        // Whole-input entries are filtered out of the match lists unless they are the entire input, but they
        // cover tokens for this rule ("yes i am").
        foreach (var m in WholeInputAffirmMatches(cx))
        {
            any = true;
            for (var i = m.Start; i < m.End; i++) covered[i] = true;
        }
        if (!any) return false;
        foreach (var m in cx.Get(ListNames.Courtesy))
        {
            for (var i = m.Start; i < m.End; i++) covered[i] = true;
        }
        for (var i = 0; i < cx.WordCount; i++)
        {
            if (covered[i]) continue;
            if (_lex.Trie.IsFiller(cx.Words, i, cx.ClauseEnd[cx.ClauseOf[i]], out var next))
            {
                for (var k = i; k < next; k++) covered[k] = true;
                i = next - 1;
                continue;
            }
            return false;
        }
        return true;
    }

    private IEnumerable<LexMatch> WholeInputAffirmMatches(AnalysisContext cx)
    {
        foreach (var (entry, words) in _wholeInputAffirm)
        {
            for (var i = 0; i + words.Length <= cx.WordCount; i++)
            {
                var clauseEnd = cx.ClauseEnd[cx.ClauseOf[i]];
                if (cx.SequenceAt(i, clauseEnd, words) && !cx.IsNegated(i)) yield return new LexMatch(entry, i, i + words.Length, cx.ClauseOf[i]);
            }
        }
    }

    // docs/engine.md "The exercise" checkpoint classification.
    private static CheckpointClass Checkpoint(AnalysisContext cx, AnswerCues answers)
    {
        if (answers.Stop) return CheckpointClass.Stop;
        bool comparative = false, tense = false, plain = false, same = false;
        foreach (var m in AnalysisContext.Longest(cx.Get(ListNames.Checkpoint)))
        {
            var cls = m.Entry.Category;
            var flipped = cls != "same" && (cx.IsNegated(m.Start) || FlippedByLess(cx, m));
            switch (cls)
            {
                case "comparative_calm" or "plain_calm" when flipped: tense = true; break;
                case "tense" when flipped: comparative = true; break;
                case "comparative_calm": comparative = true; break;
                case "plain_calm": plain = true; break;
                case "tense": tense = true; break;
                case "same": same = true; break;
                default: throw new InvalidDataException("Unknown checkpoint class in lexicon data.");
            }
        }
        if (comparative) return CheckpointClass.Calm;
        if (tense) return CheckpointClass.Tense;
        if (plain || answers.BareAffirm) return CheckpointClass.Calm;
        if (same || answers.IdkAnswer) return CheckpointClass.Same;
        return CheckpointClass.Unclear;
    }

    // A calm or tense word directly after `less` counts as its opposite (docs/engine.md "The exercise").
    private static bool FlippedByLess(AnalysisContext cx, LexMatch m)
    {
        foreach (var f in cx.Get(ListNames.CheckpointFlip))
        {
            if (f.Clause == m.Clause && f.End == m.Start) return true;
        }
        return false;
    }

    private static bool ContainsSafeWord(AnalysisContext cx, LexMatch cue)
    {
        foreach (var w in cx.Get(ListNames.SafetyNegatedUnsafe))
        {
            if (cue.Contains(w)) return true;
        }
        return false;
    }

    // docs/engine.md "Crisis protocol" follow-up classification, rows 1–5.
    private static SafetyAnswerClass SafetyAnswer(AnalysisContext cx, AnswerCues answers, DetectorHit idk)
    {
        var safeCue = false;
        foreach (var m in cx.Get(ListNames.SafetyCue))
        {
            var negated = cx.IsNegated(m.Start);
            if (m.Entry.Category == "unsafe" && !negated) return SafetyAnswerClass.Unsafe;
            if (m.Entry.Category == "safe")
            {
                // A negated "i am safe" ("i am not sure i am safe") is row 1's negated `safe`.
                if (negated && ContainsSafeWord(cx, m)) return SafetyAnswerClass.Unsafe;
                if (!negated) safeCue = true;
            }
        }
        foreach (var m in cx.Get(ListNames.SafetyNegatedUnsafe))
        {
            if (cx.IsNegated(m.Start)) return SafetyAnswerClass.Unsafe;
        }
        if (!safeCue)
        {
            foreach (var d in cx.Get(ListNames.CrisisDenial))
            {
                if (!cx.IsNegated(d.Start)) { safeCue = true; break; }
            }
        }
        if (safeCue) return SafetyAnswerClass.Safe;
        if (answers.Decline || idk.Detected || answers.Maybe) return SafetyAnswerClass.Unsafe;
        foreach (var m in cx.Get(ListNames.SafetyNegatedOkay))
        {
            if (cx.IsNegated(m.Start)) return SafetyAnswerClass.Unsafe;
        }
        if (answers.BareAffirm) return SafetyAnswerClass.Safe;
        return SafetyAnswerClass.Unclear;
    }
}
