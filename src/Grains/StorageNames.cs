namespace TrtOrleans.Grains;

/// <summary>Storage provider and state names shared by the silo host and the grains.</summary>
public static class StorageNames
{
    /// <summary>Grain storage provider holding session state.</summary>
    public const string Sessions = "sessions";

    /// <summary>State name of a session grain.</summary>
    public const string SessionState = "session";

    /// <summary>Prefix of every Redis key the product writes itself (the plan's naming).</summary>
    public const string KeyPrefix = "trt:";

    public static string HistoryKey(string sessionId) => $"trt:session:{{{sessionId}}}:history";

    public static string RepliesKey(string sessionId) => $"trt:session:{{{sessionId}}}:replies";
}
