namespace TrtOrleans.Grains.Safety;

/// <summary>The crisis audit trail (configuration section "Audit").</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>Secret of the keyed session reference (HMAC-SHA256), at least 32 characters. The same on every silo,
    /// kept outside Redis: without it an audit record cannot be tied to a session id by guessing ids. When unset,
    /// each process draws a random one and logs a warning (references then differ between processes).</summary>
    public string? SessionRefKey { get; set; }

    /// <summary>How long audit records are kept: separate from (and much longer than) the 24 h session data.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(90);
}
