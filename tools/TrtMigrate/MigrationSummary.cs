namespace TrtOrleans.Tools.Migrate;

/// <summary>What a run did. In a dry run "imported" means "would be imported" (the record is valid).</summary>
public sealed class MigrationSummary
{
    public bool DryRun { get; init; }

    public List<string> Imported { get; } = [];

    public List<(string SessionId, string Reason)> Skipped { get; } = [];

    public List<(string SessionId, string Reason)> Failed { get; } = [];

    public int Total => Imported.Count + Skipped.Count + Failed.Count;
}
