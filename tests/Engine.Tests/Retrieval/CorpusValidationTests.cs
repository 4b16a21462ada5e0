using TrtOrleans.Therapy.Contracts;
using TrtOrleans.Therapy.Retrieval;

namespace TrtOrleans.Engine.Tests.Retrieval;

public sealed class CorpusValidationTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "trt-corpus-" + Guid.NewGuid().ToString("N"));

    public CorpusValidationTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly CorpusRules NoCoverage = new() { MinProjectRecords = 0, MinProjectRecordsPerRagQuery = 0 };

    [Fact]
    public void ValidRecordsMakeAHealthyCorpus()
    {
        var corpus = ExemplarCorpus.FromRecords(
            [RetrievalTestData.Record("a", "my chest", "What is it like in your {location}?", RagQueries.Sensation)], NoCoverage);

        Assert.True(corpus.Healthy);
        Assert.Single(corpus.Exemplars);
    }

    [Theory]
    [InlineData("", "therapist_text_length")]
    [InlineData("Where is the {feeling}?", "invalid_slot")]
    [InlineData("Where is it { in your body?", "invalid_slot")]
    public void BadTherapistTextFailsValidation(string therapist, string reason)
    {
        var corpus = ExemplarCorpus.FromRecords(
            [RetrievalTestData.Record("a", "client", therapist, RagQueries.Sensation)], NoCoverage);

        Assert.False(corpus.Healthy);
        Assert.Empty(corpus.Exemplars);
        Assert.Equal(1, corpus.Problems[reason]);
    }

    [Fact]
    public void OverlongProjectTextFailsButLegacyMayBeLonger()
    {
        var text = new string('a', 600) + "?";
        var project = ExemplarCorpus.FromRecords([RetrievalTestData.Record("a", "c", text, RagQueries.Ready)], NoCoverage);
        var legacy = ExemplarCorpus.FromRecords(
            [RetrievalTestData.Record("b", "c", text, RagQueries.Ready, "source:legacy")], NoCoverage);

        Assert.False(project.Healthy);
        Assert.True(legacy.Healthy);
    }

    [Fact]
    public void UnknownValuesAndEmptyContextsAreCountedByReason()
    {
        var records = new[]
        {
            new Exemplar("a", "Where?", "c", "9.9_unknown", null, null, [RagQueries.Ready], ["source:project"]),
            new Exemplar("b", "Where?", "c", null, "made_up", null, [RagQueries.Ready], ["source:project"]),
            new Exemplar("c", "Where?", "c", null, null, null, [], ["source:project"]),
            new Exemplar("d", "Where?", "c", null, null, null, ["dr_q_location"], ["source:project"]),
            new Exemplar("d", "Where?", "c", null, null, null, [RagQueries.Ready], ["source:project"]),
        };

        var corpus = ExemplarCorpus.FromRecords(records, NoCoverage);

        Assert.False(corpus.Healthy);
        Assert.Empty(corpus.Exemplars);
        Assert.Equal(1, corpus.Problems["unknown_substate"]);
        Assert.Equal(1, corpus.Problems["unknown_situation_type"]);
        Assert.Equal(1, corpus.Problems["no_rag_context"]);
        Assert.Equal(1, corpus.Problems["unknown_rag_context"]);
        Assert.Equal(1, corpus.Problems["duplicate_id"]);
    }

    [Fact]
    public void CoverageBelowFiveProjectRecordsPerRagQueryFails()
    {
        var records = RagQueries.All.SelectMany(q => Enumerable.Range(0, 5)
                .Select(i => RetrievalTestData.Record($"{q}-{i}", "client " + i, "Where?", q)))
            .Where(r => r.Id != $"{RagQueries.Ready}-0")
            .ToList();

        var corpus = ExemplarCorpus.FromRecords(records, new CorpusRules { MinProjectRecords = 0 });

        Assert.False(corpus.Healthy);
        Assert.Equal(4, corpus.Problems[$"coverage_below_minimum:{RagQueries.Ready}"]);
        Assert.Single(corpus.Problems);
    }

    [Fact]
    public void ProblemsNameReasonsNeverRecordText()
    {
        const string secret = "my very private sentence";
        File.WriteAllText(Path.Combine(_dir, "bad.jsonl"),
            "{\"id\":\"x\",\"therapist_text\":\"" + secret + " {oops}\",\"client_text\":\"" + secret + "\",\"rag_contexts\":[\"nope\"],\"tags\":[]}\n{not json\n");

        var corpus = ExemplarCorpus.Load(_dir, rules: NoCoverage);

        Assert.False(corpus.Healthy);
        Assert.Equal(1, corpus.Problems["invalid_json"]);
        Assert.DoesNotContain(corpus.Problems.Keys, k => k.Contains("private", StringComparison.Ordinal));
    }

    [Fact]
    public void DuplicateIdsAcrossTheShippedAndExtraDirectoriesFail()
    {
        File.WriteAllText(Path.Combine(_dir, "dup.jsonl"),
            File.ReadLines(Path.Combine(ExemplarCorpus.DefaultDirectory, "project.jsonl")).First() + "\n");

        var corpus = ExemplarCorpus.Load(extraDirectory: _dir);

        Assert.False(corpus.Healthy);
        Assert.Equal(1, corpus.Problems["duplicate_id"]);
    }

    [Fact]
    public void MissingDirectoryLeavesAnEmptyUnhealthyCorpus()
    {
        var corpus = ExemplarCorpus.Load(Path.Combine(_dir, "absent"));

        Assert.False(corpus.Healthy);
        Assert.Empty(corpus.Exemplars);
        Assert.True(corpus.Problems.ContainsKey("directory_missing"));
    }

    [Fact]
    public void UnhealthyCorpusRetrievesNothingAndReportsUnhealthy()
    {
        var retriever = new ExemplarRetriever(ExemplarCorpus.Load(Path.Combine(_dir, "absent")));

        Assert.False(retriever.CorpusHealthy);
        Assert.Empty(retriever.RetrieveBm25(RagQueries.Ready, "my jaw clenches"));
    }
}
