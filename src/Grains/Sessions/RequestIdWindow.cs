namespace TrtOrleans.Grains;

/// <summary>The request ids of a session's last <see cref="SessionLimits.RequestIdCap"/> inputs (safe retries).</summary>
internal static class RequestIdWindow
{
    /// <summary>Adds the id (if any) and returns the ids that fell out of the window, whose replies are then dropped.</summary>
    public static List<string> Remember(List<string> ids, string? requestId)
    {
        if (requestId is null)
        {
            return [];
        }

        ids.Add(requestId);
        var evicted = ids.Count > SessionLimits.RequestIdCap ? ids[..^SessionLimits.RequestIdCap] : [];
        ids.RemoveRange(0, evicted.Count);
        return evicted;
    }
}
