namespace TrtOrleans.Grains;

/// <summary>Sliding-window limit on one session's inputs. The window lives in the session's own state, and the grain
/// is unique in the cluster, so the limit holds cluster-wide without any shared counter.</summary>
internal static class RateLimiter
{
    /// <summary>Seconds until the next input is allowed, or null when it is allowed now.</summary>
    public static int? RetryAfter(List<DateTimeOffset> recent, DateTimeOffset now, SessionOptions options)
    {
        var inWindow = recent.Where(t => now - t < options.RateWindow).ToList();
        if (inWindow.Count < options.RateLimit)
        {
            return null;
        }

        var freeAt = inWindow[^options.RateLimit] + options.RateWindow;
        return Math.Max(1, (int)Math.Ceiling((freeAt - now).TotalSeconds));
    }

    /// <summary>Records an accepted input and drops what left the window (keeps at most RateLimit entries).</summary>
    public static void Record(List<DateTimeOffset> recent, DateTimeOffset now, SessionOptions options)
    {
        recent.Add(now);
        recent.RemoveAll(t => now - t >= options.RateWindow);
        if (recent.Count > options.RateLimit)
        {
            recent.RemoveRange(0, recent.Count - options.RateLimit);
        }
    }
}
