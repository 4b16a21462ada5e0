using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Retrieval;

/// <summary>Retrieval over the exemplar corpus (docs/engine.md "Retrieval"). Candidates are the records whose rag_contexts contain the
/// plan's rag_query (never the whole corpus); they are ranked by similarity of the corrected input to the record's
/// client text (or its therapist text when there is none), ties by id, top-k above the minimum score.
/// Provider: the first embedder that embeds the corpus at <see cref="InitializeAsync"/>, else BM25.</summary>
public sealed class ExemplarRetriever : IProviderReportingRetriever
{
    public const string Bm25ProviderName = "bm25";

    private readonly ExemplarCorpus _corpus;
    private readonly IReadOnlyList<ITextEmbedder> _embedders;
    private readonly RetrievalOptions _options;
    private readonly ILogger _logger;
    private readonly Bm25Index _bm25;
    private readonly Dictionary<string, int[]> _candidates;

    // Written once by InitializeAsync before the retriever is used for queries; read-only afterwards.
    private volatile ActiveEmbedder? _active;

    public ExemplarRetriever(ExemplarCorpus corpus, IEnumerable<ITextEmbedder>? embedders = null,
        IOptions<RetrievalOptions>? options = null, ILogger<ExemplarRetriever>? logger = null)
    {
        _corpus = corpus;
        _embedders = embedders?.ToList() ?? [];
        _options = options?.Value ?? new RetrievalOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _bm25 = new Bm25Index(corpus.Exemplars.Select(RankingText).ToList());
        _candidates = RagQueries.All.ToDictionary(
            q => q,
            q => Enumerable.Range(0, corpus.Exemplars.Count).Where(i => corpus.Exemplars[i].RagContexts.Contains(q)).ToArray(),
            StringComparer.Ordinal);
    }

    public string Provider => _active?.Embedder.Name ?? Bm25ProviderName;

    public string CorpusVersion => _corpus.Version;

    public bool CorpusHealthy => _corpus.Healthy;

    public ExemplarCorpus Corpus => _corpus;

    /// <summary>Computes the corpus vectors once with the first embedder that works; BM25 otherwise. Never throws
    /// (a cancelled start simply leaves BM25 in place).</summary>
    public async Task InitializeAsync(CancellationToken ct)
    {
        if (!_corpus.Healthy)
        {
            foreach (var (reason, count) in _corpus.Problems)
            {
                RetrievalLog.CorpusProblem(_logger, reason, count);
            }
        }

        var texts = _corpus.Exemplars.Select(RankingText).ToList();
        foreach (var embedder in _embedders)
        {
            if (texts.Count == 0)
            {
                break;
            }

            try
            {
                var vectors = new List<float[]>(texts.Count);
                for (var i = 0; i < texts.Count; i += Math.Max(1, _options.EmbeddingBatchSize))
                {
                    var batch = texts.Skip(i).Take(Math.Max(1, _options.EmbeddingBatchSize)).ToList();
                    var embedded = await embedder.EmbedAsync(batch, ct).ConfigureAwait(false);
                    if (embedded.Length != batch.Count || embedded.Any(v => v.Length == 0 || v.Length != embedded[0].Length))
                    {
                        throw new InvalidDataException("embedding count or dimension mismatch");
                    }

                    vectors.AddRange(embedded.Select(Unit));
                }

                if (vectors.Any(v => v.Length != vectors[0].Length))
                {
                    throw new InvalidDataException("embedding dimension mismatch");
                }

                _active = new ActiveEmbedder(embedder, [.. vectors], Centres([.. vectors]));
                break;
            }
            catch (Exception ex)
            {
                RetrievalLog.EmbedderUnavailable(_logger, embedder.Name, ex.GetType().Name);
                if (ct.IsCancellationRequested)
                {
                    break;
                }
            }
        }

        RetrievalLog.CorpusReady(_logger, _corpus.Exemplars.Count, _corpus.Version, _corpus.Healthy, Provider);
    }

    public async Task<IReadOnlyList<RetrievedExemplar>> RetrieveAsync(string ragQuery, string correctedInput, CancellationToken ct) =>
        (await RetrieveWithProviderAsync(ragQuery, correctedInput, ct).ConfigureAwait(false)).Hits;

    public async Task<RetrievalOutcome> RetrieveWithProviderAsync(string ragQuery, string correctedInput, CancellationToken ct)
    {
        var active = _active;
        var provider = active?.Embedder.Name ?? Bm25ProviderName;
        try
        {
            if (string.IsNullOrWhiteSpace(correctedInput) || !_candidates.TryGetValue(ragQuery, out var candidates)
                || candidates.Length == 0)
            {
                return new RetrievalOutcome([], provider);
            }

            if (active is not null)
            {
                var query = await EmbedQueryAsync(active, correctedInput, ct).ConfigureAwait(false);
                if (query is not null)
                {
                    return new RetrievalOutcome(RankVectors(ragQuery, candidates, query, active), provider);
                }
            }

            return new RetrievalOutcome(RankBm25(candidates, correctedInput), Bm25ProviderName);
        }
        catch (Exception ex)
        {
            // The contract: retrieval never throws; nothing retrieved is a normal outcome.
            RetrievalLog.RetrievalFailed(_logger, ex.GetType().Name);
            return new RetrievalOutcome([], provider, Cacheable: false);
        }
    }

    /// <summary>BM25 alone, whatever the active provider (benchmarks and the query-time fallback).</summary>
    public IReadOnlyList<RetrievedExemplar> RetrieveBm25(string ragQuery, string correctedInput) =>
        _candidates.TryGetValue(ragQuery, out var candidates) && !string.IsNullOrWhiteSpace(correctedInput)
            ? RankBm25(candidates, correctedInput)
            : [];

    /// <summary>Ranking over every record regardless of rag_query: lets tests check that the corpus keeps its
    /// contexts apart. Not used by the engine (docs/engine.md "Retrieval" forbids an unfiltered fallback).</summary>
    internal async Task<IReadOnlyList<RetrievedExemplar>> RankAllAsync(string input, int k, CancellationToken ct)
    {
        var all = Enumerable.Range(0, _corpus.Exemplars.Count).ToArray();
        var active = _active;
        if (active is null)
        {
            var terms = Bm25Index.QueryTerms(input);
            return Top(all.Select(i => (i, _bm25.Score(terms, i))), double.Epsilon, k);
        }

        var query = Unit((await active.Embedder.EmbedAsync([input], ct).ConfigureAwait(false))[0]);
        return Top(all.Select(i => (i, VectorMath.Dot(query, active.Vectors[i]))), double.MinValue, k);
    }

    /// <summary>The query's unit vector, or null (logged) when the embedder fails, times out or answers with the
    /// wrong dimension: the caller then ranks with BM25.</summary>
    private async Task<float[]?> EmbedQueryAsync(ActiveEmbedder active, string input, CancellationToken ct)
    {
        if (active.Embedder is WordVectorEmbedder local)
        {
            // Microseconds and never blocks: a timeout timer would cost more than the embedding.
            return local.Embed(input);
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(_options.QueryEmbeddingTimeout);
            var embedded = await active.Embedder.EmbedAsync([input], timeout.Token).ConfigureAwait(false);
            if (embedded.Length == 1 && embedded[0].Length == active.Vectors[0].Length)
            {
                return Unit(embedded[0]);
            }

            RetrievalLog.QueryFallback(_logger, active.Embedder.Name, "DimensionMismatch");
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            RetrievalLog.QueryFallback(_logger, active.Embedder.Name, ex.GetType().Name);
        }

        return null;
    }

    /// <summary>Cosine ranking among the rag_query's candidates; the minimum score applies to the plain cosine.</summary>
    private IReadOnlyList<RetrievedExemplar> RankVectors(string ragQuery, int[] candidates, float[] query, ActiveEmbedder active)
    {
        // Ranked by the cosine after removing what all of the rag_query's candidates share (their mean): the
        // direction that says "this is an answer about a body location" is common to all 16 and only blurs the
        // differences between them. Measured on the labelled set, see docs/retrieval-quality.md.
        var centre = active.Centres[ragQuery];
        var centred = new float[query.Length];
        for (var d = 0; d < centred.Length; d++)
        {
            centred[d] = query[d] - centre.Mean[d];
        }

        VectorMath.Normalize(centred);
        var scored = new List<(int Index, double Rank, double Cosine)>(candidates.Length);
        for (var c = 0; c < candidates.Length; c++)
        {
            var cosine = VectorMath.Dot(query, active.Vectors[candidates[c]]);
            if (cosine >= _options.MinScore)
            {
                scored.Add((candidates[c], VectorMath.Dot(centred, centre.Vectors[c]), cosine));
            }
        }

        // The reported score stays the plain cosine, the figure Rag:MinScore is about.
        return scored
            .OrderByDescending(s => s.Rank)
            .ThenBy(s => _corpus.Exemplars[s.Index].Id, StringComparer.Ordinal)
            .Take(Math.Max(1, _options.TopK))
            .Select(s => new RetrievedExemplar(_corpus.Exemplars[s.Index], s.Cosine))
            .ToList();
    }

    private IReadOnlyList<RetrievedExemplar> RankBm25(int[] candidates, string input)
    {
        var terms = Bm25Index.QueryTerms(input);
        if (terms.Count == 0)
        {
            return [];
        }

        // A positive score means at least one shared content term: the BM25 minimum of docs/engine.md "Retrieval".
        return Top(candidates.Select(i => (i, _bm25.Score(terms, i))), double.Epsilon);
    }

    private IReadOnlyList<RetrievedExemplar> Top(IEnumerable<(int Index, double Score)> scored, double minimum, int? k = null) =>
        scored
            .Where(s => s.Score >= minimum)
            .OrderByDescending(s => s.Score)
            .ThenBy(s => _corpus.Exemplars[s.Index].Id, StringComparer.Ordinal)
            .Take(k ?? Math.Max(1, _options.TopK))
            .Select(s => new RetrievedExemplar(_corpus.Exemplars[s.Index], s.Score))
            .ToList();

    private static string RankingText(Exemplar e) =>
        string.IsNullOrWhiteSpace(e.ClientText) ? RetrievalText.WithoutSlots(e.TherapistText) : e.ClientText;

    private static float[] Unit(float[] v)
    {
        var copy = (float[])v.Clone();
        VectorMath.Normalize(copy);
        return copy;
    }

    /// <summary>Per rag_query: the mean of its candidates' vectors and each candidate's vector minus that mean, unit
    /// length, in candidate order.</summary>
    private Dictionary<string, Centre> Centres(float[][] vectors)
    {
        var result = new Dictionary<string, Centre>(StringComparer.Ordinal);
        foreach (var (query, candidates) in _candidates)
        {
            var mean = new float[vectors.Length == 0 ? 0 : vectors[0].Length];
            foreach (var i in candidates)
            {
                for (var d = 0; d < mean.Length; d++)
                {
                    mean[d] += vectors[i][d] / candidates.Length;
                }
            }

            var centred = candidates.Select(i =>
            {
                var v = vectors[i].Select((x, d) => x - mean[d]).ToArray();
                VectorMath.Normalize(v);
                return v;
            }).ToArray();
            result[query] = new Centre(mean, centred);
        }

        return result;
    }

    private sealed record Centre(float[] Mean, float[][] Vectors);

    private sealed record ActiveEmbedder(ITextEmbedder Embedder, float[][] Vectors, Dictionary<string, Centre> Centres);
}
