namespace TrtOrleans.Therapy.Text;

/// <summary>All lexicon entries of every list compiled into one token trie, so one pass over each clause finds
/// every match (docs/engine.md "Text normalisation and detectors": contiguous token sequences inside one clause, alternatives, optional tokens, [adv] fillers).
/// Immutable after construction; matching allocates only the result list.</summary>
internal sealed class PatternTrie
{
    internal const string FillerMarker = "\u0001adv";
    /// <summary>Pattern token <c>#num</c>: any all-digit word token ("took 20 pills").</summary>
    internal const string NumberToken = "#num";
    private const int MaxExpansions = 20000;

    private readonly Node _root = new();
    private readonly HashSet<string> _fillerWords;
    private readonly Dictionary<string, HashSet<string>> _fillerPairs;

    public PatternTrie(IEnumerable<string> fillerPhrases)
    {
        _fillerWords = new HashSet<string>(StringComparer.Ordinal);
        _fillerPairs = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var phrase in fillerPhrases)
        {
            var parts = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 1) _fillerWords.Add(parts[0]);
            else if (parts.Length == 2)
            {
                if (!_fillerPairs.TryGetValue(parts[0], out var set)) _fillerPairs[parts[0]] = set = new(StringComparer.Ordinal);
                set.Add(parts[1]);
            }
            else throw new InvalidDataException("Filler phrases have one or two words.");
        }
    }

    /// <summary>Adds every expansion of <paramref name="entry"/>'s pattern.</summary>
    public void Add(LexiconEntry entry)
    {
        foreach (var seq in Expand(entry.Pattern))
        {
            var start = 0;
            var end = seq.Count;
            while (start < end && seq[start] == FillerMarker) start++;
            while (end > start && seq[end - 1] == FillerMarker) end--;
            if (start == end) continue;
            var node = _root;
            for (var i = start; i < end; i++)
            {
                if (seq[i] == FillerMarker)
                {
                    if (i > start && seq[i - 1] == FillerMarker) continue;
                    node = node.Filler ??= new Node();
                    continue;
                }
                node.Children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
                if (!node.Children.TryGetValue(seq[i], out var child)) node.Children[seq[i]] = child = new Node();
                node = child;
            }
            node.Terminals ??= [];
            if (!node.Terminals.Contains(entry)) node.Terminals.Add(entry);
        }
    }

    public bool IsFiller(string[] words, int pos, int end, out int next)
    {
        next = pos;
        if (pos >= end) return false;
        if (_fillerWords.Contains(words[pos])) { next = pos + 1; return true; }
        if (pos + 1 < end && _fillerPairs.TryGetValue(words[pos], out var seconds) && seconds.Contains(words[pos + 1]))
        {
            next = pos + 2;
            return true;
        }
        return false;
    }

    /// <summary>Every match in clause [clauseStart, clauseEnd): each (entry, start, end) once. Several ends per
    /// (entry, start) are kept because follow/precede conditions are checked later and may reject the longest.</summary>
    public void MatchClause(string[] words, int clauseStart, int clauseEnd, int clause, List<LexMatch> output)
    {
        for (var s = clauseStart; s < clauseEnd; s++)
        {
            var before = output.Count;
            Walk(_root, words, s, s, clauseEnd, clause, output, before);
        }
    }

    private void Walk(Node node, string[] words, int start, int pos, int end, int clause, List<LexMatch> output, int firstOfStart)
    {
        if (node.Terminals is { } terminals && pos > start)
        {
            foreach (var entry in terminals) Record(output, firstOfStart, new LexMatch(entry, start, pos, clause));
        }
        if (pos < end && node.Children is { } children)
        {
            if (children.TryGetValue(words[pos], out var child)) Walk(child, words, start, pos + 1, end, clause, output, firstOfStart);
            if (char.IsAsciiDigit(words[pos][0]) && IsNumber(words[pos]) && children.TryGetValue(NumberToken, out var number))
            {
                Walk(number, words, start, pos + 1, end, clause, output, firstOfStart);
            }
        }
        if (node.Filler is { } filler)
        {
            var p = pos;
            Walk(filler, words, start, p, end, clause, output, firstOfStart);
            while (IsFiller(words, p, end, out var next))
            {
                p = next;
                Walk(filler, words, start, p, end, clause, output, firstOfStart);
            }
        }
    }

    private static bool IsNumber(string word)
    {
        foreach (var c in word)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        return true;
    }

    private static void Record(List<LexMatch> output, int firstOfStart, LexMatch match)
    {
        for (var i = firstOfStart; i < output.Count; i++)
        {
            if (ReferenceEquals(output[i].Entry, match.Entry) && output[i].End == match.End) return;
        }
        output.Add(match);
    }

    // ---- pattern language: words, x?, (a/b c/d (e/f)), (…)?, [adv] ----

    internal static List<List<string>> Expand(string pattern)
    {
        var pos = 0;
        var seq = ParseSequence(pattern, ref pos, topLevel: true);
        if (pos != pattern.Length) throw new InvalidDataException($"Unbalanced pattern at {pos}.");
        return seq;
    }

    private static List<List<string>> ParseSequence(string p, ref int pos, bool topLevel)
    {
        var result = new List<List<string>> { new() };
        while (pos < p.Length)
        {
            var c = p[pos];
            if (c == ' ') { pos++; continue; }
            if (c is ')' or '/')
            {
                if (topLevel) throw new InvalidDataException($"Unexpected '{c}' in pattern.");
                break;
            }
            List<List<string>> element;
            if (c == '(')
            {
                pos++;
                element = [];
                while (true)
                {
                    element.AddRange(ParseSequence(p, ref pos, topLevel: false));
                    if (pos >= p.Length) throw new InvalidDataException("Unclosed group in pattern.");
                    if (p[pos] == '/') { pos++; continue; }
                    pos++; // ')'
                    break;
                }
            }
            else if (c == '[')
            {
                var close = p.IndexOf(']', pos);
                if (close < 0 || p[(pos + 1)..close] != "adv") throw new InvalidDataException("Only [adv] is a filler.");
                pos = close + 1;
                element = [[FillerMarker]];
            }
            else
            {
                var start = pos;
                while (pos < p.Length && p[pos] is not (' ' or '(' or ')' or '/' or '[' or '?')) pos++;
                element = [[p[start..pos]]];
            }
            if (pos < p.Length && p[pos] == '?')
            {
                pos++;
                element.Add([]);
            }
            var next = new List<List<string>>(result.Count * element.Count);
            foreach (var prefix in result)
            {
                foreach (var alt in element)
                {
                    var combined = new List<string>(prefix.Count + alt.Count);
                    combined.AddRange(prefix);
                    combined.AddRange(alt);
                    next.Add(combined);
                }
            }
            if (next.Count > MaxExpansions) throw new InvalidDataException("Pattern expands to too many sequences.");
            result = next;
        }
        return result;
    }

    private sealed class Node
    {
        public Dictionary<string, Node>? Children;
        public Node? Filler;
        public List<LexiconEntry>? Terminals;
    }
}
