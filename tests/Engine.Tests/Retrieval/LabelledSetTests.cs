using TrtOrleans.Therapy.Contracts;
using TrtOrleans.Therapy.Retrieval;

namespace TrtOrleans.Engine.Tests.Retrieval;

/// <summary>The labelled retrieval-quality set stays usable: large enough, every label a shipped exemplar of the
/// line's rag_query, every rag_query covered, and no input a copy of an exemplar's own client text.</summary>
public sealed class LabelledSetTests
{
    internal static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "Retrieval", "Data", "labelled-inputs.tsv");

    [Fact]
    public void SetHasAtLeast300NovelInputsLabelledWithShippedExemplarsOfTheirRagQuery()
    {
        var set = LabelledInput.LoadTsv(Path);
        var corpus = RetrievalTestData.Shipped();

        Assert.True(set.Count >= 300, $"{set.Count} labelled inputs");
        Assert.Equal(set.Count, set.Select(l => l.Input).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var clientTexts = corpus.Exemplars.Select(e => Letters(e.ClientText)).ToHashSet(StringComparer.Ordinal);
        foreach (var item in set)
        {
            var exemplar = corpus.Find(item.BestExemplarId);
            Assert.NotNull(exemplar);
            Assert.Contains(item.RagQuery, exemplar.RagContexts);
            Assert.DoesNotContain(Letters(item.Input), clientTexts);
        }

        foreach (var query in RagQueries.All)
        {
            Assert.True(set.Count(l => l.RagQuery == query) >= 25, query);
        }
    }

    [Fact]
    public void MalformedLineIsReportedWithItsNumber()
    {
        var file = System.IO.Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "# comment\ndr_q_sensation\ttrt-ex-0097\tin my chest\ndr_q_sensation\tno input\n");
            var error = Assert.Throws<InvalidDataException>(() => LabelledInput.LoadTsv(file));
            Assert.StartsWith("line 3:", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Letters(string text) => new([.. text.ToLowerInvariant().Where(char.IsLetter)]);
}
