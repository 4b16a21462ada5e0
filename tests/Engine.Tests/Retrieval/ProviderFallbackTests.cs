using TrtOrleans.Therapy.Contracts;
using TrtOrleans.Therapy.Retrieval;

namespace TrtOrleans.Engine.Tests.Retrieval;

public sealed class ProviderFallbackTests
{
    private static readonly ExemplarCorpus Corpus = RetrievalTestData.Shipped();

    /// <summary>Embeds by word hashing so it is fast and deterministic; can be told to fail.</summary>
    private sealed class ScriptedEmbedder(string name) : ITextEmbedder
    {
        public bool FailQueries { get; set; }
        public bool FailAll { get; set; }
        public int Calls;

        public string Name => name;

        public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken ct)
        {
            Interlocked.Increment(ref Calls);
            if (FailAll || (FailQueries && texts.Count == 1))
            {
                throw new HttpRequestException("embedding endpoint down");
            }

            return Task.FromResult(texts.Select(t =>
            {
                var v = new float[16];
                foreach (var w in t.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    v[(int)(System.IO.Hashing.XxHash32.HashToUInt32(System.Text.Encoding.UTF8.GetBytes(w)) % 16)] += 1;
                }

                return v;
            }).ToArray());
        }
    }

    [Fact]
    public async Task EmbedderFailingAtStartupLeavesBm25InUse()
    {
        var embedder = new ScriptedEmbedder("ollama") { FailAll = true };
        var retriever = new ExemplarRetriever(Corpus, [embedder]);

        await retriever.InitializeAsync(CancellationToken.None);

        Assert.Equal("bm25", retriever.Provider);
        Assert.NotEmpty(await retriever.RetrieveAsync(RagQueries.Sensation, "it is in my chest", CancellationToken.None));
    }

    [Fact]
    public async Task FirstWorkingEmbedderIsChosen()
    {
        var retriever = new ExemplarRetriever(Corpus,
            [new ScriptedEmbedder("ollama") { FailAll = true }, new ScriptedEmbedder("minilm")]);

        await retriever.InitializeAsync(CancellationToken.None);

        Assert.Equal("minilm", retriever.Provider);
    }

    [Fact]
    public async Task CorpusIsEmbeddedOnceAtStartupNotPerQuery()
    {
        var embedder = new ScriptedEmbedder("minilm");
        var retriever = new ExemplarRetriever(Corpus, [embedder], Microsoft.Extensions.Options.Options.Create(
            new RetrievalOptions { EmbeddingBatchSize = 1000, MinScore = -1 }));
        await retriever.InitializeAsync(CancellationToken.None);

        await retriever.RetrieveAsync(RagQueries.Sensation, "it is in my chest", CancellationToken.None);
        await retriever.RetrieveAsync(RagQueries.Ready, "my jaw clenches", CancellationToken.None);

        Assert.Equal(3, embedder.Calls); // one corpus batch + one per query
    }

    [Fact]
    public async Task EmbedderFailingAtQueryTimeFallsBackToBm25ForThatQuery()
    {
        var embedder = new ScriptedEmbedder("ollama");
        var retriever = new ExemplarRetriever(Corpus, [embedder]);
        await retriever.InitializeAsync(CancellationToken.None);
        embedder.FailQueries = true;

        var outcome = await retriever.RetrieveWithProviderAsync(RagQueries.Sensation, "it is in my chest", CancellationToken.None);
        var bm25 = retriever.RetrieveBm25(RagQueries.Sensation, "it is in my chest");

        Assert.Equal("ollama", retriever.Provider);
        Assert.Equal("bm25", outcome.Provider);
        Assert.NotEmpty(outcome.Hits);
        Assert.Equal(bm25.Select(h => h.Exemplar.Id), outcome.Hits.Select(h => h.Exemplar.Id));
    }

    [Fact]
    public async Task HangingEmbedderTimesOutAndBm25Answers()
    {
        var hanging = new HangingEmbedder();
        var retriever = new ExemplarRetriever(Corpus, [hanging], Microsoft.Extensions.Options.Options.Create(
            new RetrievalOptions { QueryEmbeddingTimeout = TimeSpan.FromMilliseconds(50) }));
        await retriever.InitializeAsync(CancellationToken.None);
        hanging.Hang = true;

        var outcome = await retriever.RetrieveWithProviderAsync(RagQueries.Sensation, "it is in my chest", CancellationToken.None);

        Assert.Equal("bm25", outcome.Provider);
        Assert.NotEmpty(outcome.Hits);
    }

    private sealed class HangingEmbedder : ITextEmbedder
    {
        public bool Hang { get; set; }

        public string Name => "ollama";

        public async Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken ct)
        {
            if (Hang)
            {
                await Task.Delay(Timeout.Infinite, ct);
            }

            return texts.Select(t => new float[] { t.Length, 1 }).ToArray();
        }
    }

    [Fact]
    public async Task CancelledQueryReturnsNothingInsteadOfThrowing()
    {
        var retriever = new ExemplarRetriever(Corpus, [new ScriptedEmbedder("minilm")]);
        await retriever.InitializeAsync(CancellationToken.None);

        var hits = await retriever.RetrieveAsync(RagQueries.Sensation, "it is in my chest", new CancellationToken(true));

        Assert.NotNull(hits);
    }
}
