using TrtOrleans.Therapy.Contracts;
using TrtOrleans.Therapy.Retrieval;

namespace TrtOrleans.Engine.Tests.Retrieval;

[Collection(MiniLmCollection.Name)]
public sealed class MiniLmRetrievalTests(MiniLmFixture fixture)
{
    [Theory]
    [MemberData(nameof(RetrievalTestData.EachRagQuery), MemberType = typeof(RetrievalTestData))]
    public async Task NewClientInputRetrievesRecordsOfItsOwnContext(string ragQuery)
    {
        var hits = await fixture.Retriever.RetrieveAsync(ragQuery, RetrievalTestData.NewInputs[ragQuery], CancellationToken.None);

        Assert.Equal("minilm", fixture.Retriever.Provider);
        Assert.InRange(hits.Count, 1, 3);
        Assert.All(hits, h => Assert.Contains(ragQuery, h.Exemplar.RagContexts));
        Assert.All(hits, h => Assert.True(h.Score >= 0.35, $"{h.Score}"));
    }

    [Theory]
    [MemberData(nameof(RetrievalTestData.EachRagQuery), MemberType = typeof(RetrievalTestData))]
    public async Task AcrossTheWholeCorpusTheBestMatchBelongsToTheInputsContext(string ragQuery)
    {
        var top = await fixture.Retriever.RankAllAsync(RetrievalTestData.NewInputs[ragQuery], 1, CancellationToken.None);

        Assert.Contains(ragQuery, Assert.Single(top).Exemplar.RagContexts);
    }

    [Theory]
    [InlineData(RagQueries.GoalClarification, "i do not really know what to say, this is my first time")]
    [InlineData(RagQueries.RedirectOutcome, "my husband and i argue every night about money and the kids and nothing gets better")]
    [InlineData(RagQueries.BodySymptomPresentMoment, "the mortgage payments mainly")]
    [InlineData(RagQueries.BodyLocation, "i feel frightened whenever the phone rings")]
    [InlineData(RagQueries.HowDoYouKnow, "yes it is there now, a little")]
    [InlineData(RagQueries.Ready, "my heart starts pounding and my hands shake")]
    public async Task ParaphraseWithoutSharedWordsStillRetrieves(string ragQuery, string input)
    {
        // These share few or no content words with the corpus: the case where embeddings beat BM25.
        var hits = await fixture.Retriever.RetrieveAsync(ragQuery, input, CancellationToken.None);

        Assert.NotEmpty(hits);
    }

    [Fact]
    public async Task SimilarSentencesScoreHigherThanUnrelatedOnes()
    {
        var v = await fixture.Embedder.EmbedAsync(
            ["my chest feels tight when i think about work", "there is a tightness in my chest about my job",
             "the train timetable changes on sunday"], CancellationToken.None);

        var similar = Dot(v[0], v[1]);
        var unrelated = Dot(v[0], v[2]);
        Assert.True(similar > 0.5, $"{similar}");
        Assert.True(unrelated < 0.35, $"{unrelated}");
    }

    [Fact]
    public async Task VectorsAre384DimensionalAndUnitLength()
    {
        var v = await fixture.Embedder.EmbedAsync(["i feel heavy in my stomach"], CancellationToken.None);

        Assert.Equal(MiniLmTextEmbedder.Dimensions, Assert.Single(v).Length);
        Assert.Equal(1.0, Math.Sqrt(Dot(v[0], v[0])), 3);
    }

    [Fact]
    public async Task ConcurrentCallsGiveTheSameVectorsAsASingleCall()
    {
        const string text = "my shoulders are up by my ears";
        var expected = (await fixture.Embedder.EmbedAsync([text], CancellationToken.None))[0];

        var results = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => Task.Run(() => fixture.Embedder.EmbedAsync([text], CancellationToken.None))));

        Assert.All(results, r => Assert.Equal(1.0, Dot(expected, r[0]), 4));
    }

    [Fact]
    public async Task UnrelatedInputFallsBelowTheMinimumScore()
    {
        var hits = await fixture.Retriever.RetrieveAsync(RagQueries.Sensation,
            "the quarterly tax return for a limited company is due in january", CancellationToken.None);

        Assert.Empty(hits);
    }

    private static double Dot(float[] a, float[] b) => a.Zip(b).Sum(p => (double)p.First * p.Second);
}
