using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Retrieval;

/// <summary>What an import produced: the mapped records, and counts of skips per reason and records per rag_query.</summary>
public sealed record LegacyImportResult(
    IReadOnlyList<Exemplar> Records,
    int Read,
    IReadOnlyDictionary<string, int> SkippedByReason,
    IReadOnlyDictionary<string, int> RecordsPerRagQuery)
{
    public int Skipped => SkippedByReason.Values.Sum();
}
