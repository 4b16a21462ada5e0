using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Retrieval;

/// <summary>Retrieval over the exemplar corpus (§15.3). Candidates are the records whose rag_contexts contain the
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

                _active = new ActiveEmbedder(embedder, [.. vectors]);
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
                float[]? query = null;
                try
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    timeout.CancelAfter(_options.QueryEmbeddingTimeout);
                    var embedded = await active.Embedder.EmbedAsync([correctedInput], timeout.Token).ConfigureAwait(false);
                    query = embedded.Length == 1 && embedded[0].Length == active.Vectors[0].Length ? Unit(embedded[0]) : null;
                    if (query is null)
                    {
                        RetrievalLog.QueryFallback(_logger, active.Embedder.Name, "DimensionMismatch");
                    }
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    RetrievalLog.QueryFallback(_logger, active.Embedder.Name, ex.GetType().Name);
                }

                if (query is not null)
                {
                    return new RetrievalOutcome(
                        Top(candidates.Select(i => (i, VectorMath.Dot(query, active.Vectors[i]))), _options.MinScore),
                        provider);
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
    /// contexts apart. Not used by the engine (§15.3 forbids an unfiltered fallback).</summary>
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

    private IReadOnlyList<RetrievedExemplar> RankBm25(int[] candidates, string input)
    {
        var terms = Bm25Index.QueryTerms(input);
        if (terms.Count == 0)
        {
            return [];
        }

        // A positive score means at least one shared content term: the BM25 minimum of §15.3.
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

    private sealed record ActiveEmbedder(ITextEmbedder Embedder, float[][] Vectors);
}
