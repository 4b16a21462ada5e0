using TrtOrleans.Therapy.Contracts;
using TrtOrleans.Therapy.Retrieval;

namespace TrtOrleans.Engine.Tests.Retrieval;

public sealed class WordVectorTests
{
    [Fact]
    public void TableRoundTripsThroughItsFileFormat()
    {
        var file = Path.GetTempFileName();
        try
        {
            WordVectors.Write(file, ["chest", "tight"], [[1f, 0f, -0.5f], [0f, 2f, 0f]]);
            var table = WordVectors.Load(file);
            var sum = new float[3];

            Assert.True(table.TryAccumulate("chest", 2f, sum));
            Assert.False(table.TryAccumulate("elbow", 1f, sum));
            Assert.Equal(2, table.Count);
            Assert.Equal(2f, sum[0], 0.02f);
            Assert.Equal(-1f, sum[2], 0.02f);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void DamagedFileIsInvalidData()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
            Assert.Throws<InvalidDataException>(() => WordVectors.Load(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ShippedTableCoversTheCorpusVocabularyAndGivesUnitVectors()
    {
        var embedder = WordVectorEmbedder.FromFile(WordVectors.DefaultPath);
        var table = WordVectors.Load(WordVectors.DefaultPath);

        Assert.True(table.Count > 10_000);
        Assert.True(table.Contains("chest") && table.Contains("shoulders") && table.Contains("overwhelmed"));
        var v = embedder.Embed("It's tight, like a band around my ribs.");
        Assert.Equal(1.0, VectorMath.Dot(v, v), 3);
        Assert.All(embedder.Embed("zzqx qqzv"), x => Assert.Equal(0f, x));
    }

    [Fact]
    public async Task MissingTableFallsBackToBm25AtStartup()
    {
        var embedder = WordVectorEmbedder.FromFile(Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}.bin"));
        var retriever = new ExemplarRetriever(RetrievalTestData.Shipped(), [embedder]);

        await retriever.InitializeAsync(CancellationToken.None);

        Assert.Equal(ExemplarRetriever.Bm25ProviderName, retriever.Provider);
        Assert.NotEmpty(await retriever.RetrieveAsync(RagQueries.Sensation, "it is in my chest", CancellationToken.None));
    }

    [Fact]
    public async Task ParaphraseWithoutSharedWordsFindsItsExemplar()
    {
        // "swamped" and "stuff" share no content word with "I feel so overwhelmed with everything at home." (0085).
        var retriever = new ExemplarRetriever(RetrievalTestData.Shipped(), [WordVectorEmbedder.FromFile(WordVectors.DefaultPath)]);
        await retriever.InitializeAsync(CancellationToken.None);

        var hits = await retriever.RetrieveAsync(RagQueries.BodyLocation, "i am swamped by all the stuff at home", CancellationToken.None);

        Assert.Equal("trt-ex-0085", hits[0].Exemplar.Id);
        Assert.Empty(retriever.RetrieveBm25(RagQueries.BodyLocation, "i am swamped by all the stuff"));
    }
}
