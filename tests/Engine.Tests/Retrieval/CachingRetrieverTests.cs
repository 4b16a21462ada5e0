using Microsoft.Extensions.Time.Testing;
using TrtOrleans.Therapy.Contracts;
using TrtOrleans.Therapy.Retrieval;

namespace TrtOrleans.Engine.Tests.Retrieval;

public sealed class CachingRetrieverTests
{
    private const string Input = "it is in my chest";
    private static readonly ExemplarCorpus Corpus = RetrievalTestData.Shipped();

    private sealed class CountingRetriever(IExemplarRetriever inner) : IExemplarRetriever
    {
        public int Calls;

        public string Provider => inner.Provider;
        public string CorpusVersion => inner.CorpusVersion;
        public bool CorpusHealthy => inner.CorpusHealthy;

        public Task<IReadOnlyList<RetrievedExemplar>> RetrieveAsync(string ragQuery, string correctedInput, CancellationToken ct)
        {
            Interlocked.Increment(ref Calls);
            return inner.RetrieveAsync(ragQuery, correctedInput, ct);
        }
    }

    private sealed class RecordingCache(IRetrievalCache inner) : IRetrievalCache
    {
        public List<string> Keys { get; } = [];
        public List<IReadOnlyList<CachedHit>> Values { get; } = [];

        public Task<IReadOnlyList<CachedHit>?> GetAsync(string key, CancellationToken ct) => inner.GetAsync(key, ct);

        public Task SetAsync(string key, IReadOnlyList<CachedHit> hits, CancellationToken ct)
        {
            Keys.Add(key);
            Values.Add(hits);
            return inner.SetAsync(key, hits, ct);
        }
    }

    private sealed class BrokenCache : IRetrievalCache
    {
        public Task<IReadOnlyList<CachedHit>?> GetAsync(string key, CancellationToken ct) => throw new TimeoutException();
        public Task SetAsync(string key, IReadOnlyList<CachedHit> hits, CancellationToken ct) => throw new TimeoutException();
    }

    [Fact]
    public async Task InProcessRankerIsNeverCached()
    {
        var cache = new RecordingCache(new InMemoryRetrievalCache());
        var inner = new CountingRetriever(new ExemplarRetriever(Corpus));
        var caching = new CachingRetriever(inner, cache, Corpus);

        await caching.RetrieveAsync(RagQueries.Sensation, Input, CancellationToken.None);
        var second = await caching.RetrieveAsync(RagQueries.Sensation, Input, CancellationToken.None);

        Assert.NotEmpty(second);
        Assert.Equal(2, inner.Calls);
        Assert.Empty(cache.Keys);
        Assert.Equal(0, caching.Hits + caching.Misses);
    }

    [Fact]
    public async Task RepeatedQueryIsServedFromTheCache()
    {
        var inner = new CountingRetriever(new ExemplarRetriever(Corpus));
        var caching = new CachingRetriever(inner, new InMemoryRetrievalCache(new FakeTimeProvider()), Corpus, cacheLocalRankers: true);

        var first = await caching.RetrieveAsync(RagQueries.Sensation, Input, CancellationToken.None);
        var second = await caching.RetrieveAsync(RagQueries.Sensation, Input, CancellationToken.None);

        Assert.Equal(1, inner.Calls);
        Assert.Equal(1, caching.Hits);
        Assert.Equal(1, caching.Misses);
        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task EntryExpiresAfterOneHour()
    {
        var time = new FakeTimeProvider();
        var inner = new CountingRetriever(new ExemplarRetriever(Corpus));
        var caching = new CachingRetriever(inner, new InMemoryRetrievalCache(time), Corpus, cacheLocalRankers: true);
        await caching.RetrieveAsync(RagQueries.Sensation, Input, CancellationToken.None);

        time.Advance(TimeSpan.FromMinutes(59));
        await caching.RetrieveAsync(RagQueries.Sensation, Input, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        await caching.RetrieveAsync(RagQueries.Sensation, Input, CancellationToken.None);

        Assert.Equal(1, caching.Hits);
        Assert.Equal(2, caching.Misses);
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task KeyHoldsQueryInputHashProviderAndVersionAndValueHoldsNoText()
    {
        var cache = new RecordingCache(new InMemoryRetrievalCache());
        var retriever = new ExemplarRetriever(Corpus);
        var caching = new CachingRetriever(retriever, cache, Corpus, cacheLocalRankers: true);

        await caching.RetrieveAsync(RagQueries.Sensation, Input, CancellationToken.None);

        var key = Assert.Single(cache.Keys);
        Assert.Matches($"^trt:rag_cache:{RagQueries.Sensation}:[0-9a-f]{{64}}:bm25:{Corpus.Version}$", key);
        Assert.DoesNotContain("chest", key, StringComparison.Ordinal);
        Assert.All(Assert.Single(cache.Values), h => Assert.StartsWith("trt-ex-", h.ExemplarId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DifferentInputsAndQueriesUseDifferentEntries()
    {
        var caching = new CachingRetriever(new ExemplarRetriever(Corpus), new InMemoryRetrievalCache(), Corpus, cacheLocalRankers: true);

        await caching.RetrieveAsync(RagQueries.Sensation, Input, CancellationToken.None);
        await caching.RetrieveAsync(RagQueries.Sensation, "it is in my stomach", CancellationToken.None);
        await caching.RetrieveAsync(RagQueries.PresentMoment, Input, CancellationToken.None);

        Assert.Equal(0, caching.Hits);
        Assert.Equal(3, caching.Misses);
    }

    [Fact]
    public async Task FailingCacheCountsAsAMissAndStillRetrieves()
    {
        var caching = new CachingRetriever(new ExemplarRetriever(Corpus), new BrokenCache(), Corpus, cacheLocalRankers: true);

        var hits = await caching.RetrieveAsync(RagQueries.Sensation, Input, CancellationToken.None);

        Assert.NotEmpty(hits);
        Assert.Equal(1, caching.Misses);
        Assert.Equal(0, caching.Hits);
    }

    [Fact]
    public async Task CachedIdUnknownToTheCorpusIsAMiss()
    {
        var cache = new InMemoryRetrievalCache();
        var retriever = new ExemplarRetriever(Corpus);
        await cache.SetAsync(CachingRetriever.Key(RagQueries.Sensation, Input, "bm25", Corpus.Version),
            [new CachedHit("trt-ex-9999", 0.9)], CancellationToken.None);
        var caching = new CachingRetriever(retriever, cache, Corpus, cacheLocalRankers: true);

        var hits = await caching.RetrieveAsync(RagQueries.Sensation, Input, CancellationToken.None);

        Assert.DoesNotContain(hits, h => h.Exemplar.Id == "trt-ex-9999");
        Assert.Equal(1, caching.Misses);
    }

    [Fact]
    public async Task FallbackResultIsFiledUnderTheProviderThatProducedIt()
    {
        var embedder = new FlakyEmbedder();
        var retriever = new ExemplarRetriever(Corpus, [embedder]);
        await retriever.InitializeAsync(CancellationToken.None);
        embedder.Fail = true;
        var cache = new RecordingCache(new InMemoryRetrievalCache());
        var caching = new CachingRetriever(retriever, cache, Corpus, cacheLocalRankers: true);

        await caching.RetrieveAsync(RagQueries.Sensation, Input, CancellationToken.None);

        Assert.Contains(":bm25:", Assert.Single(cache.Keys), StringComparison.Ordinal);
        Assert.Equal("flaky", caching.Provider);
    }

    [Fact]
    public async Task FailedRetrievalIsNotRemembered()
    {
        var cache = new RecordingCache(new InMemoryRetrievalCache());
        var caching = new CachingRetriever(new FailingRetriever(), cache, Corpus, cacheLocalRankers: true);

        var hits = await caching.RetrieveAsync(RagQueries.Sensation, Input, CancellationToken.None);

        Assert.Empty(hits);
        Assert.Empty(cache.Keys);
    }

    private sealed class FailingRetriever : IProviderReportingRetriever
    {
        public string Provider => "bm25";
        public string CorpusVersion => "v";
        public bool CorpusHealthy => true;

        public Task<IReadOnlyList<RetrievedExemplar>> RetrieveAsync(string ragQuery, string correctedInput, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<RetrievedExemplar>>([]);

        public Task<RetrievalOutcome> RetrieveWithProviderAsync(string ragQuery, string correctedInput, CancellationToken ct) =>
            Task.FromResult(new RetrievalOutcome([], "bm25", Cacheable: false));
    }

    [Fact]
    public async Task CountersAreSafeUnderConcurrentUse()
    {
        var caching = new CachingRetriever(new ExemplarRetriever(Corpus), new InMemoryRetrievalCache(), Corpus, cacheLocalRankers: true);

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Task.Run(() => caching.RetrieveAsync(RagQueries.Sensation, "chest " + (i % 5), CancellationToken.None))));

        Assert.Equal(50, caching.Hits + caching.Misses);
    }

    private sealed class FlakyEmbedder : ITextEmbedder
    {
        public bool Fail { get; set; }

        public string Name => "flaky";

        public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken ct) => Fail
            ? throw new HttpRequestException()
            : Task.FromResult(texts.Select(t => new float[] { t.Length, 1 }).ToArray());
    }
}
