namespace TrtOrleans.Grains;

/// <summary>Session lifecycle settings (configuration section "Sessions").</summary>
public sealed class SessionOptions
{
    public const string Section = "Sessions";

    /// <summary>A session with no input for this long is gone (state, history, index entry).</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Redis TTL on what the grain keeps beside its state: a backstop only, longer than <see cref="Expiry"/>
    /// so that the grain, not Redis, decides when a session ends.</summary>
    public TimeSpan StorageBackstop { get; set; } = TimeSpan.FromHours(48);

    /// <summary>Inputs accepted per session within <see cref="RateWindow"/> (the HTTP API's documented 10 a minute).</summary>
    public int RateLimit { get; set; } = 10;

    public TimeSpan RateWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Crisis inputs (and inputs while a safety answer is awaited) accepted within <see cref="RateWindow"/>
    /// beyond <see cref="RateLimit"/>: generous, so a person in crisis is never turned away, but finite
    /// (docs/engine.md "Admission").</summary>
    public int CrisisBypassLimit { get; set; } = 30;

    /// <summary>The policy the engine's admission applies.</summary>
    internal Therapy.Contracts.RatePolicy Rate => new(RateLimit, RateWindow, CrisisBypassLimit);
    /// <summary>Live sessions one client (API key's client_id) may hold at once; creating one more answers 429 until
    /// some expire or are erased. Approximate under concurrent creates (each create counts before it adds). 0 = no
    /// quota.</summary>
    public int MaxLiveSessionsPerClient { get; set; } = 10_000;

    /// <summary>How often the cluster-wide cleanup job scans the index for expired sessions (reminders: ≥ 1 min).</summary>
    public TimeSpan CleanupPeriod { get; set; } = TimeSpan.FromMinutes(15);
}
