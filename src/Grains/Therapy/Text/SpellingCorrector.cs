using System.Text;

namespace TrtOrleans.Therapy.Text;

/// <summary>Step N6 of docs/engine.md "Text normalisation and detectors": explicit map, known-word guard, then a bounded edit distance to the domain vocabulary.
/// Immutable after construction.</summary>
internal sealed class SpellingCorrector
{
    private readonly Dictionary<string, string[]> _map;
    private readonly HashSet<string> _known;
    // Domain words with their priority, and a symmetric-deletion index over them: every string reachable by
    // deleting up to two letters maps to the words it came from. Two words within OSA distance d share such a
    // string with at most d deletions on each side, so only a handful of candidates is ever verified.
    private readonly string[] _domainWords;
    private readonly int[] _domainPriority;
    private readonly Dictionary<string, int[]> _deletes;

    public SpellingCorrector(
        IReadOnlyDictionary<string, string> map,
        IEnumerable<string> generalWords,
        IReadOnlyDictionary<string, int> domainPriority)
    {
        _map = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (from, to) in map)
        {
            _map[from] = to.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
        _known = new HashSet<string>(generalWords, StringComparer.Ordinal);
        _known.UnionWith(domainPriority.Keys);
        var domain = domainPriority
            .Where(kv => kv.Key.Length >= 2 && kv.Key.All(char.IsLetter))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .ToArray();
        _domainWords = domain.Select(kv => kv.Key).ToArray();
        _domainPriority = domain.Select(kv => kv.Value).ToArray();
        var deletes = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var scratch = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _domainWords.Length; i++)
        {
            scratch.Clear();
            Deletions(_domainWords[i], 2, scratch);
            foreach (var d in scratch)
            {
                if (!deletes.TryGetValue(d, out var list)) deletes[d] = list = [];
                list.Add(i);
            }
        }
        _deletes = deletes.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    public int KnownWordCount => _known.Count;

    /// <summary>The replacement words for <paramref name="token"/>, or null when it stays as typed.</summary>
    public string[]? Correct(string token)
    {
        if (_map.TryGetValue(token, out var mapped))
        {
            // An identity entry protects the word from the edit-distance step ("dang" must not become "hang").
            return mapped.Length == 1 && mapped[0] == token ? null : mapped;
        }
        if (_known.Contains(token)) return null;
        if (token.Length < 4) return null;
        foreach (var c in token)
        {
            if (!char.IsLetter(c)) return null;
        }
        var max = token.Length >= 8 ? 2 : 1;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        Deletions(token, max, keys);
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestPriority = int.MaxValue;
        var bestPrefix = -1;
        foreach (var key in keys)
        {
            if (!_deletes.TryGetValue(key, out var candidates)) continue;
            foreach (var idx in candidates)
            {
                var word = _domainWords[idx];
                if (ReferenceEquals(word, best)) continue;
                var d = Osa(token, word, max);
                if (d > max) continue;
                var priority = _domainPriority[idx];
                var prefix = CommonPrefix(token, word);
                if (d < bestDistance
                    || (d == bestDistance && (priority < bestPriority
                                              || (priority == bestPriority
                                                  && (prefix > bestPrefix
                                                      || (prefix == bestPrefix && string.CompareOrdinal(word, best) < 0))))))
                {
                    best = word;
                    bestDistance = d;
                    bestPriority = priority;
                    bestPrefix = prefix;
                }
            }
        }
        return best is null ? null : [best];
    }

    // Amendment A5: among equally close words of one lexicon, the one that keeps more of what was typed first wins.
    // People slip late in a word far more often than early, so "tightnes" is "tightness" (prefix "tightn"), not
    // "tightens" (prefix "tight") — a repair the reply would then echo back wrongly.
    private static int CommonPrefix(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        var i = 0;
        while (i < n && a[i] == b[i]) i++;
        return i;
    }

    /// <summary>Adds <paramref name="word"/> and every string made from it by deleting up to <paramref name="depth"/> characters.</summary>
    private static void Deletions(string word, int depth, HashSet<string> output)
    {
        output.Add(word);
        if (depth == 0 || word.Length <= 1) return;
        for (var i = 0; i < word.Length; i++)
        {
            Deletions(word.Remove(i, 1), depth - 1, output);
        }
    }

    /// <summary>Optimal string alignment distance with early exit above <paramref name="limit"/>.</summary>
    internal static int Osa(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        var n = a.Length;
        var m = b.Length;
        Span<int> prev2 = stackalloc int[m + 1];
        Span<int> prev = stackalloc int[m + 1];
        Span<int> cur = stackalloc int[m + 1];
        for (var j = 0; j <= m; j++) prev[j] = j;
        for (var i = 1; i <= n; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= m; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, prev2[j - 2] + 1);
                cur[j] = v;
                if (v < rowMin) rowMin = v;
            }
            if (rowMin > limit) return limit + 1;
            var tmp = prev2;
            prev2 = prev;
            prev = cur;
            cur = tmp;
        }
        return prev[m];
    }

    /// <summary>Runs N6 over the tokens: corrected word stream (clause numbers kept), the correction pairs and
    /// <c>corrected_input</c>.</summary>
    public CorrectedText Apply(string cleaned, List<RawToken> tokens)
    {
        var words = new List<string>(tokens.Count + 4);
        var clauses = new List<int>(tokens.Count + 4);
        var clauseWords = new List<bool>(tokens.Count + 4);
        List<KeyValuePair<string, string>>? corrections = null;
        StringBuilder? corrected = null;
        var copied = 0;
        foreach (var t in tokens)
        {
            var replacement = t.IsClauseWord ? null : Correct(t.Text);
            if (replacement is null)
            {
                words.Add(t.Text);
                clauses.Add(t.Clause);
                clauseWords.Add(t.IsClauseWord);
                continue;
            }
            var joined = string.Join(' ', replacement);
            corrections ??= [];
            corrections.Add(new KeyValuePair<string, string>(t.Text, joined));
            corrected ??= new StringBuilder(cleaned.Length + 16);
            corrected.Append(cleaned, copied, t.Start - copied).Append(joined);
            copied = t.Start + t.Length;
            foreach (var w in replacement)
            {
                words.Add(w);
                clauses.Add(t.Clause);
                clauseWords.Add(false);
            }
        }
        string correctedText;
        if (corrected is null)
        {
            correctedText = cleaned;
        }
        else
        {
            corrected.Append(cleaned, copied, cleaned.Length - copied);
            correctedText = corrected.ToString();
        }
        return new CorrectedText(correctedText, words.ToArray(), clauses.ToArray(), clauseWords.ToArray(),
            (IReadOnlyList<KeyValuePair<string, string>>?)corrections ?? []);
    }
}

/// <summary>Result of N6.</summary>
internal sealed record CorrectedText(
    string Text,
    string[] Words,
    int[] Clauses,
    bool[] ClauseWords,
    IReadOnlyList<KeyValuePair<string, string>> Corrections);
