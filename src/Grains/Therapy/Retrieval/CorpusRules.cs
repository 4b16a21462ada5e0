namespace TrtOrleans.Therapy.Retrieval;

/// <summary>Limits checked by the startup validation (docs/engine.md "Retrieval", docs/engine.md "Retrieval").</summary>
public sealed record CorpusRules
{
    public static readonly CorpusRules Default = new();

    /// <summary>Project records that must exist in total.</summary>
    public int MinProjectRecords { get; init; } = 150;

    /// <summary>Project records that must carry each rag_query value.</summary>
    public int MinProjectRecordsPerRagQuery { get; init; } = 5;

    public int MaxTherapistChars { get; init; } = 400;

    /// <summary>Imported legacy records may be longer (docs/engine.md "Retrieval").</summary>
    public int MaxLegacyTherapistChars { get; init; } = 1000;

    public int MaxClientChars { get; init; } = 1000;
}
