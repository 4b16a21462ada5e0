namespace TrtOrleans.Tools.Migrate;

/// <summary>The old Python service's Redis layout.</summary>
public static class LegacyKeys
{
    public const string ActiveSessions = "trt:active_sessions";
    public const string StatePattern = "trt:session:*:state";

    public static string State(string id) => $"trt:session:{id}:state";

    public static string History(string id) => $"trt:session:{id}:history";

    public static string Meta(string id) => $"trt:session:{id}:meta";

    /// <summary>The id inside a state key, or null for a key of another shape.</summary>
    public static string? IdOfStateKey(string key) =>
        key.StartsWith("trt:session:", StringComparison.Ordinal) && key.EndsWith(":state", StringComparison.Ordinal)
            ? key["trt:session:".Length..^":state".Length]
            : null;
}
