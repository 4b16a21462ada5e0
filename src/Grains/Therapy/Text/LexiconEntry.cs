namespace TrtOrleans.Therapy.Text;

/// <summary>One compiled lexicon entry (one pattern of a data-file entry).</summary>
internal sealed class LexiconEntry
{
    public required string List { get; init; }
    public required string Id { get; init; }
    public required string Pattern { get; init; }
    /// <summary>Tier, category, label or answer set, depending on the list.</summary>
    public required string Category { get; init; }
    /// <summary>Reported name; null = the matched words.</summary>
    public string? Name { get; init; }
    public bool Framed { get; init; }
    public bool WholeInput { get; init; }
    public bool Anywhere { get; init; }
    public bool AccidentVoidable { get; init; }
    public bool General { get; init; }
    public string[][] UnlessFollowedBy { get; init; } = [];
    public string[][] UnlessPrecededBy { get; init; } = [];
    /// <summary>When non-empty the match counts only at the end of its clause or directly followed by one of these.</summary>
    public string[][] EndOrFollowedBy { get; init; } = [];
}

/// <summary>A match of an entry over word tokens [Start, End) inside clause <see cref="Clause"/>.</summary>
internal readonly record struct LexMatch(LexiconEntry Entry, int Start, int End, int Clause)
{
    public int Length => End - Start;
    public bool Overlaps(LexMatch other) => Start < other.End && other.Start < End;
    public bool Contains(LexMatch other) => Start <= other.Start && other.End <= End;
}
