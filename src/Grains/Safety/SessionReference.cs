using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TrtOrleans.Grains.Safety;

/// <summary>The one keyed reference to a session used by every audit record: HMAC-SHA256 of the session's grain key
/// (client scope and session id) under <see cref="AuditOptions.SessionRefKey"/>. Computed only here, so the grain's
/// own events and the engine's events of one session always join.</summary>
public sealed partial class SessionReference
{
    public const int MinKeyLength = 32;

    private readonly byte[] _key;

    public SessionReference(IOptions<AuditOptions> options, ILogger<SessionReference> logger)
    {
        var configured = options.Value.SessionRefKey;
        if (string.IsNullOrEmpty(configured))
        {
            LogRandomKey(logger);
            _key = RandomNumberGenerator.GetBytes(32);
            return;
        }

        if (configured.Length < MinKeyLength)
        {
            throw new InvalidOperationException($"{AuditOptions.Section}:SessionRefKey must be at least {MinKeyLength} characters.");
        }

        _key = Encoding.UTF8.GetBytes(configured);
    }

    /// <summary>32 hex characters (128 bits) of the HMAC: not reversible, not guessable without the key.</summary>
    public string For(string sessionKey) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(sessionKey)))[..32];

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Audit:SessionRefKey is not configured: audit session references use a random per-process key and will not join across silos or restarts.")]
    private static partial void LogRandomKey(ILogger logger);
}
