namespace TrtOrleans.Therapy.Text;

/// <summary>The corrected token stream of one input with every lexicon match, plus the docs/engine.md "Text normalisation and detectors" helpers
/// (negation window, frames, followed/preceded checks). One per Analyze call; never shared.</summary>
internal sealed class AnalysisContext
{
    private static readonly List<LexMatch> Empty = [];
    private readonly LexiconSet _lex;
    private readonly Dictionary<string, List<LexMatch>> _byList = new(StringComparer.Ordinal);
    private readonly bool[] _negator;
    private readonly bool[] _frame;
    private readonly bool[] _cancel;
    private readonly bool _particle;

    public AnalysisContext(LexiconSet lex, CorrectedText text)
    {
        _lex = lex;
        Words = text.Words;
        ClauseOf = text.Clauses;
        IsClauseWord = text.ClauseWords;
        var clauseCount = Words.Length == 0 ? 0 : ClauseOf[^1] + 1;
        ClauseStart = new int[clauseCount];
        ClauseEnd = new int[clauseCount];
        for (var i = Words.Length - 1; i >= 0; i--) ClauseStart[ClauseOf[i]] = i;
        for (var i = 0; i < Words.Length; i++) ClauseEnd[ClauseOf[i]] = i + 1;
        FirstClause = -1;
        for (var i = 0; i < Words.Length; i++)
        {
            if (!IsClauseWord[i]) { FirstClause = ClauseOf[i]; break; }
        }

        var all = new List<LexMatch>(32);
        for (var c = 0; c < clauseCount; c++)
        {
            if (ClauseEnd[c] > ClauseStart[c]) lex.Trie.MatchClause(Words, ClauseStart[c], ClauseEnd[c], c, all);
        }
        foreach (var m in all)
        {
            if (!Valid(m)) continue;
            if (!_byList.TryGetValue(m.Entry.List, out var list)) _byList[m.Entry.List] = list = [];
            // Per (entry, start) only the longest valid match.
            var merged = false;
            for (var i = list.Count - 1; i >= 0 && list[i].Start == m.Start; i--)
            {
                if (!ReferenceEquals(list[i].Entry, m.Entry)) continue;
                if (list[i].End < m.End) list[i] = m;
                merged = true;
                break;
            }
            if (!merged) list.Add(m);
        }
        foreach (var list in _byList.Values) list.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));

        // Token roles used by the docs/engine.md "Text normalisation and detectors" windows: every token of a negator entry ("no longer") is a negator; a frame
        // word, or the last token of a frame phrase ("like a"), is a frame; negation cancellers are docs/engine.md "Text normalisation and detectors"'s i/stop/help.
        _negator = new bool[Words.Length];
        _frame = new bool[Words.Length];
        _cancel = new bool[Words.Length];
        foreach (var m in Get(ListNames.Negator)) for (var i = m.Start; i < m.End; i++) _negator[i] = true;
        foreach (var m in Get(ListNames.FrameWord)) _frame[m.End - 1] = true;
        foreach (var m in Get(ListNames.FramePhrase)) _frame[m.End - 1] = true;
        foreach (var m in Get(ListNames.NegationCancel)) for (var i = m.Start; i < m.End; i++) _cancel[i] = true;
        foreach (var m in Get(ListNames.AnswerParticle))
        {
            if (m.Start == 0 && m.End == 1) _particle = true;
        }
    }

    public PatternTrie Trie => _lex.Trie;

    public string[] Words { get; }
    public int[] ClauseOf { get; }
    public bool[] IsClauseWord { get; }
    public int[] ClauseStart { get; }
    public int[] ClauseEnd { get; }
    /// <summary>The first clause with words that is not a lone clause word (answers lead with it).</summary>
    public int FirstClause { get; }
    public int WordCount => Words.Length;

    /// <summary>Valid matches of a list, ordered by start then longest first.</summary>
    public List<LexMatch> Get(string list) => _byList.TryGetValue(list, out var l) ? l : Empty;

    public string Text(LexMatch m) => m.Entry.Name ?? string.Join(' ', Words, m.Start, m.Length);

    public string Span(int start, int end) => string.Join(' ', Words, start, end - start);

    private bool Valid(LexMatch m)
    {
        var e = m.Entry;
        if (e.WholeInput && (m.Start != 0 || m.End != Words.Length)) return false;
        var clauseEnd = ClauseEnd[m.Clause];
        var clauseStart = ClauseStart[m.Clause];
        foreach (var phrase in e.UnlessFollowedBy)
        {
            if (SequenceAt(m.End, clauseEnd, phrase)) return false;
        }
        foreach (var phrase in e.UnlessPrecededBy)
        {
            if (m.Start - phrase.Length >= clauseStart && SequenceAt(m.Start - phrase.Length, clauseEnd, phrase)) return false;
        }
        if (e.EndOrFollowedBy.Length > 0 && m.End != clauseEnd)
        {
            var ok = false;
            foreach (var phrase in e.EndOrFollowedBy)
            {
                if (SequenceAt(m.End, clauseEnd, phrase)) { ok = true; break; }
            }
            if (!ok) return false;
        }
        return true;
    }

    public bool SequenceAt(int pos, int end, string[] phrase)
    {
        if (pos < 0 || pos + phrase.Length > end) return false;
        for (var i = 0; i < phrase.Length; i++)
        {
            if (!string.Equals(Words[pos + i], phrase[i], StringComparison.Ordinal)) return false;
        }
        return true;
    }

    public bool IsNegatorAt(int i) => _negator[i];

    /// <summary>docs/engine.md "Text normalisation and detectors" negation: a negator within the 3 tokens before <paramref name="start"/> in the same clause.
    /// With <paramref name="crisis"/> the docs/engine.md "Text normalisation and detectors" refinement applies: an `i`, `stop` or `help` between the negator
    /// and the cue cancels that negator.</summary>
    public bool IsNegated(int start, bool crisis = false) => IsNegated(start, crisis, leadingParticle: false);

    /// <summary>As <see cref="IsNegated(int, bool)"/>; with <paramref name="leadingParticle"/> a `no` that opens the
    /// whole input is read as the answer to the question ("no that's all"), not as a negation of what follows.</summary>
    public bool IsNegated(int start, bool crisis, bool leadingParticle)
    {
        if (start >= Words.Length) return false;
        var clauseStart = ClauseStart[ClauseOf[start]];
        for (var j = start - 1; j >= Math.Max(clauseStart, start - 3); j--)
        {
            if (!_negator[j]) continue;
            if (leadingParticle && j == 0 && _particle) continue;
            if (crisis)
            {
                var cancelled = false;
                for (var k = j + 1; k < start; k++)
                {
                    if (_cancel[k]) { cancelled = true; break; }
                }
                if (cancelled) continue;
            }
            return true;
        }
        return false;
    }

    /// <summary>docs/engine.md "Text normalisation and detectors" frame (a): a frame word, or the last token of a frame phrase (`it is`, `like a`, `kind of`,
    /// `sort of`), within the 3 tokens before <paramref name="start"/> in the same clause.</summary>
    public bool HasFrame(int start)
    {
        var clauseStart = ClauseStart[ClauseOf[start]];
        for (var j = start - 1; j >= Math.Max(clauseStart, start - 3); j--)
        {
            if (_frame[j]) return true;
        }
        return false;
    }

    /// <summary>Drops every match that overlaps a longer one (ties: the earlier start wins; identical spans all stay).</summary>
    public static List<LexMatch> Longest(IEnumerable<LexMatch> matches)
    {
        var sorted = matches.OrderByDescending(m => m.Length).ThenBy(m => m.Start).ToList();
        var kept = new List<LexMatch>(sorted.Count);
        foreach (var m in sorted)
        {
            var blocked = false;
            foreach (var k in kept)
            {
                if (k.Clause == m.Clause && k.Overlaps(m) && !(k.Start == m.Start && k.End == m.End)) { blocked = true; break; }
            }
            if (!blocked) kept.Add(m);
        }
        kept.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        return kept;
    }
}
