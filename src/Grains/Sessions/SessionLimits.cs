namespace TrtOrleans.Grains;

/// <summary>Named caps of what a session stores.</summary>
public static class SessionLimits
{
    /// <summary>Exchanges kept in a session's history (the plan's LTRIM 0 49).</summary>
    public const int HistoryCap = 50;

    /// <summary>Request ids whose replies are kept for safe retries (api.md).</summary>
    public const int RequestIdCap = 20;

    /// <summary>Characters of client input stored and processed (api.md: a longer input is only accepted when the
    /// crisis detector flags it, and then only this much is kept).</summary>
    public const int MaxInputChars = 4000;
}
