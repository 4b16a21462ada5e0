namespace TrtOrleans.Therapy.Retrieval;

/// <summary>Okapi BM25 over a fixed list of documents. Statistics (idf, average length) come from the whole
/// corpus so that a term's weight does not depend on which rag_query filtered the candidates.</summary>
internal sealed class Bm25Index
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly Dictionary<string, int>[] _termFrequencies;
    private readonly int[] _lengths;
    private readonly Dictionary<string, double> _idf = new(StringComparer.Ordinal);
    private readonly double _averageLength;

    public Bm25Index(IReadOnlyList<string> documents)
    {
        _termFrequencies = new Dictionary<string, int>[documents.Count];
        _lengths = new int[documents.Count];
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            var terms = RetrievalText.ContentTerms(documents[i]);
            _lengths[i] = terms.Count;
            var tf = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var t in terms)
            {
                tf[t] = tf.GetValueOrDefault(t) + 1;
            }

            _termFrequencies[i] = tf;
            foreach (var t in tf.Keys)
            {
                documentFrequency[t] = documentFrequency.GetValueOrDefault(t) + 1;
            }
        }

        var n = documents.Count;
        foreach (var (term, df) in documentFrequency)
        {
            // The "+1" form never goes negative, so a very common term still counts as a (weak) match.
            _idf[term] = Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));
        }

        _averageLength = n == 0 ? 1 : Math.Max(1, _lengths.Average());
    }

    /// <summary>Query terms, de-duplicated, in first-seen order.</summary>
    public static IReadOnlyList<string> QueryTerms(string query) => RetrievalText.ContentTerms(query).Distinct().ToList();

    /// <summary>Score of one document; 0 when it shares no content term with the query.</summary>
    public double Score(IReadOnlyList<string> queryTerms, int document)
    {
        var tf = _termFrequencies[document];
        var norm = K1 * (1 - B + (B * _lengths[document] / _averageLength));
        var score = 0.0;
        foreach (var term in queryTerms)
        {
            if (tf.TryGetValue(term, out var f))
            {
                score += _idf[term] * (f * (K1 + 1)) / (f + norm);
            }
        }

        return score;
    }
}
