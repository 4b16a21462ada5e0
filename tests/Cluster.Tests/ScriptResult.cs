namespace TrtOrleans.Cluster.Tests;

/// <summary>Outcome of one local-cluster.sh command.</summary>
public sealed record ScriptResult(string Command, int ExitCode, string StdOut, string StdErr, TimeSpan Elapsed)
{
    /// <summary>The KEY=value lines the script prints on stdout.</summary>
    public IReadOnlyDictionary<string, string> Values =>
        StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2 && parts[0].Length > 0 && parts[0].All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_'))
            .GroupBy(parts => parts[0])
            .ToDictionary(g => g.Key, g => g.Last()[1]);
}
