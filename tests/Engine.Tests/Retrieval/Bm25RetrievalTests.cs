using TrtOrleans.Therapy.Contracts;
using TrtOrleans.Therapy.Retrieval;

namespace TrtOrleans.Engine.Tests.Retrieval;

public sealed class Bm25RetrievalTests
{
    private static readonly ExemplarCorpus Corpus = RetrievalTestData.Shipped();
    private readonly ExemplarRetriever _retriever = new(Corpus);

    [Theory]
    [MemberData(nameof(RetrievalTestData.EachRagQuery), MemberType = typeof(RetrievalTestData))]
    public async Task NewClientInputRetrievesRecordsOfItsOwnContext(string ragQuery)
    {
        var input = RetrievalTestData.NewInputs[ragQuery];
        Assert.DoesNotContain(Corpus.Exemplars, e => e.ClientText.Equals(input, StringComparison.OrdinalIgnoreCase));

        var hits = await _retriever.RetrieveAsync(ragQuery, input, CancellationToken.None);

        Assert.Equal("bm25", _retriever.Provider);
        Assert.InRange(hits.Count, 1, 3);
        Assert.All(hits, h => Assert.Contains(ragQuery, h.Exemplar.RagContexts));
        Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Theory]
    [MemberData(nameof(RetrievalTestData.EachRagQuery), MemberType = typeof(RetrievalTestData))]
    public async Task AcrossTheWholeCorpusTheBestMatchBelongsToTheInputsContext(string ragQuery)
    {
        // Not how the engine retrieves (it always filters), but it shows the contexts' client lines stay apart.
        var top = await _retriever.RankAllAsync(RetrievalTestData.NewInputs[ragQuery], 1, CancellationToken.None);

        Assert.Contains(ragQuery, Assert.Single(top).Exemplar.RagContexts);
    }

    [Fact]
    public async Task InputSharingNoContentTermRetrievesNothing()
    {
        var hits = await _retriever.RetrieveAsync(RagQueries.Sensation, "the zebra quantum xylophone", CancellationToken.None);

        Assert.Empty(hits);
    }

    [Fact]
    public async Task StopWordsAloneNeverMatch()
    {
        var hits = await _retriever.RetrieveAsync(RagQueries.Ready, "i do not know, it is what it is", CancellationToken.None);

        Assert.Empty(hits);
    }

    [Fact]
    public async Task UnknownRagQueryOrEmptyInputRetrievesNothingWithoutFallingBackToTheWholeCorpus()
    {
        Assert.Empty(await _retriever.RetrieveAsync("dr_q_location", "it is in my chest", CancellationToken.None));
        Assert.Empty(await _retriever.RetrieveAsync(RagQueries.Sensation, "   ", CancellationToken.None));
    }

    [Fact]
    public async Task EqualScoresAreOrderedById()
    {
        var corpus = ExemplarCorpus.FromRecords(
        [
            RetrievalTestData.Record("c", "chest", "Where?", RagQueries.Sensation),
            RetrievalTestData.Record("a", "chest", "Where?", RagQueries.Sensation),
            RetrievalTestData.Record("b", "chest", "Where?", RagQueries.Sensation),
            RetrievalTestData.Record("d", "chest", "Where?", RagQueries.Sensation),
        ], new CorpusRules { MinProjectRecords = 0, MinProjectRecordsPerRagQuery = 0 });

        var hits = await new ExemplarRetriever(corpus).RetrieveAsync(RagQueries.Sensation, "my chest", CancellationToken.None);

        Assert.Equal(["a", "b", "c"], hits.Select(h => h.Exemplar.Id));
    }

    [Fact]
    public async Task RecordsWithoutClientTextAreRankedOnTheirTherapistText()
    {
        var corpus = ExemplarCorpus.FromRecords(
        [
            RetrievalTestData.Record("a", "", "What is the {sensation} in your shoulders like?", RagQueries.Sensation),
            RetrievalTestData.Record("b", "my stomach", "Where?", RagQueries.Sensation),
        ], new CorpusRules { MinProjectRecords = 0, MinProjectRecordsPerRagQuery = 0 });

        var hits = await new ExemplarRetriever(corpus).RetrieveAsync(RagQueries.Sensation, "my shoulders", CancellationToken.None);

        Assert.Equal("a", Assert.Single(hits).Exemplar.Id);
    }

    [Fact]
    public void InflectedFormsMeetOnTheSameStem()
    {
        var corpus = ExemplarCorpus.FromRecords(
            [RetrievalTestData.Record("a", "I get so stressed and worried", "Where?", RagQueries.BodyLocation)],
            new CorpusRules { MinProjectRecords = 0, MinProjectRecordsPerRagQuery = 0 });

        Assert.Single(new ExemplarRetriever(corpus).RetrieveBm25(RagQueries.BodyLocation, "the stress and the worries"));
    }
}
