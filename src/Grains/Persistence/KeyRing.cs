using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TrtOrleans.Grains.Persistence;

/// <summary>The master keys of encryption at rest, from configuration or a file (never from Redis). They only wrap
/// per-session data keys and derive the retrieval-cache MAC key; client text is encrypted with the data keys.
/// New wraps use the primary key; every key in the ring still unwraps.</summary>
public sealed class KeyRing
{
    private const int KeyBytes = 32;
    private readonly Dictionary<string, byte[]> _keys;

    public KeyRing(IReadOnlyDictionary<string, byte[]> keys, string primaryKeyId)
    {
        foreach (var (id, key) in keys)
        {
            if (key.Length != KeyBytes)
            {
                throw new ArgumentException($"Key ring key '{id}' must be {KeyBytes} bytes (base64 of 32 random bytes).");
            }

            if (id.Length is 0 or > 32 || id.Any(c => c > 127 || char.IsWhiteSpace(c)))
            {
                throw new ArgumentException("Key ring ids are 1-32 ASCII characters without spaces.");
            }
        }

        if (!keys.ContainsKey(primaryKeyId))
        {
            throw new ArgumentException($"The primary key id '{primaryKeyId}' is not in the key ring.");
        }

        _keys = keys.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
        PrimaryKeyId = primaryKeyId;
    }

    public string PrimaryKeyId { get; }

    /// <summary>The ring from options (and the file they name), or null when none is configured (plain mode).</summary>
    public static KeyRing? FromOptions(EncryptionOptions options)
    {
        var keys = new Dictionary<string, byte[]>();
        var primary = options.PrimaryKeyId;
        if (!string.IsNullOrEmpty(options.KeyRingFile))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(options.KeyRingFile));
            if (doc.RootElement.TryGetProperty("primary_key_id", out var p))
            {
                primary ??= p.GetString();
            }

            foreach (var key in doc.RootElement.GetProperty("keys").EnumerateObject())
            {
                keys[key.Name] = Convert.FromBase64String(key.Value.GetString() ?? "");
            }
        }

        foreach (var (id, value) in options.Keys)
        {
            keys[id] = Convert.FromBase64String(value);
        }

        if (keys.Count == 0)
        {
            return null;
        }

        if (string.IsNullOrEmpty(primary))
        {
            primary = keys.Count == 1 ? keys.Keys.Single() : throw new ArgumentException(
                "Storage:Encryption:PrimaryKeyId is required when the key ring holds more than one key.");
        }

        return new KeyRing(keys, primary);
    }

    public bool Contains(string keyId) => _keys.ContainsKey(keyId);

    /// <summary>Seals a data key under the primary key: <c>[idLen][id][nonce 12][ciphertext 32][tag 16]</c>, bound
    /// to <paramref name="context"/> (the session id), so a wrapped key cannot be moved to another session.</summary>
    public byte[] Wrap(ReadOnlySpan<byte> dataKey, string context)
    {
        var id = Encoding.ASCII.GetBytes(PrimaryKeyId);
        var output = new byte[1 + id.Length + AesGcmBox.Overhead + dataKey.Length];
        output[0] = (byte)id.Length;
        id.CopyTo(output, 1);
        AesGcmBox.Seal(_keys[PrimaryKeyId], dataKey, Aad(context), output.AsSpan(1 + id.Length));
        return output;
    }

    /// <summary>The data key and the id of the ring key that wrapped it.</summary>
    public (byte[] DataKey, string KeyId) Unwrap(ReadOnlySpan<byte> wrapped, string context)
    {
        var idLength = wrapped[0];
        var id = Encoding.ASCII.GetString(wrapped.Slice(1, idLength));
        if (!_keys.TryGetValue(id, out var key))
        {
            throw new CryptographicException($"The session's data key is wrapped by key '{id}', which is not in the key ring.");
        }

        var body = wrapped[(1 + idLength)..];
        var dataKey = new byte[body.Length - AesGcmBox.Overhead];
        AesGcmBox.Open(key, body, Aad(context), dataKey);
        return (dataKey, id);
    }

    /// <summary>A key for keyed hashes (retrieval-cache names), derived from the primary key.</summary>
    public byte[] DeriveMacKey(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _keys[PrimaryKeyId], KeyBytes, info: Encoding.UTF8.GetBytes(purpose));

    private static byte[] Aad(string context) => Encoding.UTF8.GetBytes("trt-data-key:" + context);
}
