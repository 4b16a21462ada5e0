namespace TrtOrleans.Grains;

/// <summary>Named caps of what a session stores.</summary>
public static class SessionLimits
{
    /// <summary>Exchanges kept in a session's history (the plan's LTRIM 0 49).</summary>
    public const int HistoryCap = 50;

    /// <summary>Request ids whose replies are kept for safe retries (request_id of the HTTP API).</summary>
    public const int RequestIdCap = 20;

    /// <summary>Characters of client input stored and processed: the engine's admission limit (a longer input is only
    /// accepted when it is a crisis message, and then only this much is read and kept).</summary>
    public const int MaxInputChars = Therapy.Contracts.TurnLimits.MaxInputChars;
}
