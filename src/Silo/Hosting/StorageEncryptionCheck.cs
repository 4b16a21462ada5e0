using Microsoft.Extensions.Configuration;
using TrtOrleans.Grains.Persistence;

namespace TrtOrleans.Silo.Hosting;

/// <summary>Loads the key ring of encryption at rest at start. Plain mode (no key ring) exists only for the embedded
/// in-memory developer default: a silo on Redis without a key ring, or with one that does not load, refuses to start
/// with one line naming the settings, so client text never reaches Redis unencrypted by mistake.</summary>
public static class StorageEncryptionCheck
{
    private const string Section = StorageOptions.Section + ":Encryption";

    /// <summary>The key ring, or null in the in-memory developer mode without one. Throws
    /// <see cref="StartupCheckException"/> when Redis is configured without a key ring or the ring does not load.</summary>
    public static KeyRing? Load(EncryptionOptions options, bool redis)
    {
        KeyRing? ring;
        try
        {
            ring = KeyRing.FromOptions(options);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or IOException or UnauthorizedAccessException
            or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // Only the exception type: messages of a failed base64/JSON parse could echo key material.
            throw new StartupCheckException(ex switch
            {
                ArgumentException argument => $"{Section}: {argument.Message}",
                IOException or UnauthorizedAccessException =>
                    $"{Section}:KeyRingFile '{options.KeyRingFile}' cannot be read ({ex.GetType().Name}); it must exist and be readable by this process.",
                _ => $"{Section}: the key ring does not load ({ex.GetType().Name}); KeyRingFile must be readable JSON "
                  + "{\"primary_key_id\":\"k1\",\"keys\":{\"k1\":\"<base64>\"}} and every key base64 of 32 bytes.",
            });
        }

        if (ring is null && redis)
        {
            throw new StartupCheckException(
                $"{Section}: REDIS_URL is set but no key ring is configured, and session text is never stored in Redis unencrypted. "
                + $"Set {Section}:KeyRingFile (JSON {{\"primary_key_id\":\"k1\",\"keys\":{{\"k1\":\"<base64>\"}}}}) or {Section}:Keys:<id> "
                + $"(plus {Section}:PrimaryKeyId when there are several); make a key with `openssl rand -base64 32`.");
        }

        return ring;
    }
}
