using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Retrieval;

/// <summary>Caches retrieval results (ids and scores, never text) in a shared <see cref="IRetrievalCache"/> under
/// <c>trt:rag_cache:{rag_query}:{sha256(corrected_input)}:{provider}:{corpus_version}</c> (docs/engine.md "Retrieval"). A cache failure
/// is a miss; hits resolve ids against the corpus, so a stale id is also a miss. The in-process rankers (BM25, word
/// vectors) bypass the cache: they are cheaper than the lookup.</summary>
public sealed class CachingRetriever : IExemplarRetriever
{
    public const string KeyPrefix = "trt:rag_cache:";

    /// <summary>Providers that rank in-process in microseconds and are therefore never cached.</summary>
    public static readonly IReadOnlySet<string> LocalProviders = new HashSet<string>(StringComparer.Ordinal)
    {
        ExemplarRetriever.Bm25ProviderName, WordVectorEmbedder.ProviderName,
    };

    private readonly IExemplarRetriever _inner;
    private readonly IRetrievalCache _cache;
    private readonly Func<string, Exemplar?> _lookup;
    private readonly ILogger _logger;
    private readonly bool _cacheLocalRankers;
    private long _hits;
    private long _misses;

    /// <param name="inner">The real retriever (usually <see cref="ExemplarRetriever"/>).</param>
    /// <param name="cache">Shared cache (Redis in a cluster, <see cref="InMemoryRetrievalCache"/> embedded).</param>
    /// <param name="corpus">Resolves cached ids back to records.</param>
    /// <param name="cacheLocalRankers">Cache the in-process rankers too (tests of the cache mechanics).</param>
    public CachingRetriever(IExemplarRetriever inner, IRetrievalCache cache, ExemplarCorpus corpus,
        ILogger<CachingRetriever>? logger = null, bool cacheLocalRankers = false)
    {
        _cacheLocalRankers = cacheLocalRankers;
        _inner = inner;
        _cache = cache;
        _lookup = corpus.Find;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public string Provider => _inner.Provider;

    public string CorpusVersion => _inner.CorpusVersion;

    public bool CorpusHealthy => _inner.CorpusHealthy;

    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    public static string Key(string ragQuery, string correctedInput, string provider, string corpusVersion) =>
        $"{KeyPrefix}{ragQuery}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(correctedInput)))}:{provider}:{corpusVersion}";

    public async Task<IReadOnlyList<RetrievedExemplar>> RetrieveAsync(string ragQuery, string correctedInput, CancellationToken ct)
    {
        if (!_cacheLocalRankers && LocalProviders.Contains(_inner.Provider))
        {
            // Ranking in-process costs tens of microseconds; a cache lookup is a Redis round trip. Only a model
            // run (MiniLM, Ollama) is worth caching.
            return await _inner.RetrieveAsync(ragQuery, correctedInput, ct).ConfigureAwait(false);
        }

        var key = Key(ragQuery, correctedInput, _inner.Provider, _inner.CorpusVersion);
        var cached = await TryGetAsync(key, ct).ConfigureAwait(false);
        if (cached is not null)
        {
            Interlocked.Increment(ref _hits);
            return cached;
        }

        Interlocked.Increment(ref _misses);
        IReadOnlyList<RetrievedExemplar> hits;
        var servedBy = _inner.Provider;
        var cacheable = true;
        if (_inner is IProviderReportingRetriever reporting)
        {
            var outcome = await reporting.RetrieveWithProviderAsync(ragQuery, correctedInput, ct).ConfigureAwait(false);
            hits = outcome.Hits;
            servedBy = outcome.Provider;
            cacheable = outcome.Cacheable;
        }
        else
        {
            hits = await _inner.RetrieveAsync(ragQuery, correctedInput, ct).ConfigureAwait(false);
        }

        if (!cacheable || ct.IsCancellationRequested)
        {
            return hits;
        }

        // A fallback result is filed under the provider that produced it, so the primary key is not poisoned.
        var storeKey = servedBy == _inner.Provider ? key : Key(ragQuery, correctedInput, servedBy, _inner.CorpusVersion);
        await TrySetAsync(storeKey, hits, ct).ConfigureAwait(false);
        return hits;
    }

    private async Task<IReadOnlyList<RetrievedExemplar>?> TryGetAsync(string key, CancellationToken ct)
    {
        try
        {
            var entries = await _cache.GetAsync(key, ct).ConfigureAwait(false);
            if (entries is null)
            {
                return null;
            }

            var result = new List<RetrievedExemplar>(entries.Count);
            foreach (var entry in entries)
            {
                if (_lookup(entry.ExemplarId) is not { } exemplar)
                {
                    return null;
                }

                result.Add(new RetrievedExemplar(exemplar, entry.Score));
            }

            return result;
        }
        catch (Exception ex)
        {
            RetrievalLog.CacheFailed(_logger, ex.GetType().Name);
            return null;
        }
    }

    private async Task TrySetAsync(string key, IReadOnlyList<RetrievedExemplar> hits, CancellationToken ct)
    {
        try
        {
            await _cache.SetAsync(key, hits.Select(h => new CachedHit(h.Exemplar.Id, h.Score)).ToList(), ct)
                .ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            RetrievalLog.CacheFailed(_logger, ex.GetType().Name);
        }
    }
}
