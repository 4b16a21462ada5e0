using System.Text;

namespace TrtOrleans.Therapy.Text;

/// <summary>Step N6 of §4: explicit map, known-word guard, then a bounded edit distance to the domain vocabulary.
/// Immutable after construction.</summary>
internal sealed class SpellingCorrector
{
    private readonly Dictionary<string, string[]> _map;
    private readonly HashSet<string> _known;
    // Domain words bucketed by length; each bucket is pre-sorted by (priority, ordinal) so the first word at the
    // smallest distance is the tie-break winner.
    private readonly Dictionary<int, (string Word, int Priority)[]> _buckets;

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
        _buckets = domainPriority
            .Where(kv => kv.Key.Length >= 2 && kv.Key.All(char.IsLetter))
            .GroupBy(kv => kv.Key.Length)
            .ToDictionary(
                g => g.Key,
                g => g.OrderBy(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                    .Select(kv => (kv.Key, kv.Value)).ToArray());
    }

    public int KnownWordCount => _known.Count;

    public bool IsKnown(string word) => _known.Contains(word);

    /// <summary>The replacement words for <paramref name="token"/>, or null when it stays as typed.</summary>
    public string[]? Correct(string token)
    {
        if (_map.TryGetValue(token, out var mapped)) return mapped;
        if (_known.Contains(token)) return null;
        if (token.Length < 4) return null;
        foreach (var c in token)
        {
            if (!char.IsLetter(c)) return null;
        }
        var max = token.Length >= 8 ? 2 : 1;
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestPriority = int.MaxValue;
        for (var len = token.Length - max; len <= token.Length + max; len++)
        {
            if (!_buckets.TryGetValue(len, out var bucket)) continue;
            foreach (var (word, priority) in bucket)
            {
                var limit = Math.Min(max, bestDistance);
                var d = Osa(token, word, limit);
                if (d > limit) continue;
                if (d < bestDistance
                    || (d == bestDistance && (priority < bestPriority
                                              || (priority == bestPriority && string.CompareOrdinal(word, best) < 0))))
                {
                    best = word;
                    bestDistance = d;
                    bestPriority = priority;
                }
            }
        }
        return best is null ? null : [best];
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
