namespace TrtOrleans.Therapy.Text;

/// <summary>The corrected token stream of one input with every lexicon match, plus the §5.0 helpers
/// (negation window, frames, followed/preceded checks). One per Analyze call; never shared.</summary>
internal sealed class AnalysisContext
{
    private static readonly List<LexMatch> Empty = [];
    private readonly LexiconSet _lex;
    private readonly Dictionary<string, List<LexMatch>> _byList = new(StringComparer.Ordinal);

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
            list.Add(m);
        }
        foreach (var list in _byList.Values) list.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
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

    public bool IsNegatorAt(int i) =>
        _lex.Negators.Contains(Words[i]) || (Words[i] == "longer" && i > 0 && Words[i - 1] == "no");

    /// <summary>§5.0 negation: a negator within the 3 tokens before <paramref name="start"/> in the same clause.
    /// With <paramref name="crisis"/> the §5.1 refinement applies: an `i`, `stop` or `help` between the negator
    /// and the cue cancels that negator.</summary>
    public bool IsNegated(int start, bool crisis = false)
    {
        if (start >= Words.Length) return false;
        var clauseStart = ClauseStart[ClauseOf[start]];
        for (var j = start - 1; j >= Math.Max(clauseStart, start - 3); j--)
        {
            if (!IsNegatorAt(j)) continue;
            if (crisis)
            {
                var cancelled = false;
                for (var k = j + 1; k < start; k++)
                {
                    if (Words[k] is "i" or "stop" or "help") { cancelled = true; break; }
                }
                if (cancelled) continue;
            }
            return true;
        }
        return false;
    }

    /// <summary>§5.0 frame (a): a frame word, or the last token of `like a`, `kind of`, `sort of`, within the 3
    /// tokens before <paramref name="start"/> in the same clause.</summary>
    public bool HasFrame(int start)
    {
        var clauseStart = ClauseStart[ClauseOf[start]];
        for (var j = start - 1; j >= Math.Max(clauseStart, start - 3); j--)
        {
            var w = Words[j];
            if (_lex.FrameWords.Contains(w)) return true;
            if (j > clauseStart)
            {
                var p = Words[j - 1];
                if ((w == "a" && p == "like") || (w == "of" && p is "kind" or "sort")) return true;
            }
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
