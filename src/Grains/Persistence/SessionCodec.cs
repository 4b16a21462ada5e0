using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ZstdSharp;

namespace TrtOrleans.Grains.Persistence;

/// <summary>Stored values of a session: System.Text.Json (snake_case, the documented generic shape: any field added to
/// a stored type persists without format work), zstd-compressed with a shipped dictionary (built from the reply
/// templates, exemplars and the field names), then — with a key ring — AES-256-GCM under the session's data key.
/// Layout: <c>[format][dictionary id]</c> then the zstd frame (format 1), or <c>[idLen][key id][nonce][ciphertext][tag]</c>
/// (format 2, key id = the ring key that wraps the data key). The header is authenticated with the session id and
/// the value's kind, so a value cannot be moved to another session or slot.</summary>
public sealed class SessionCodec
{
    public const byte FormatPlain = 1;
    public const byte FormatEncrypted = 2;
    private const byte CurrentDictionary = 1;

    // Dictionaries are frozen once shipped (stored values name theirs); a new one gets the next id.
    private static readonly Dictionary<byte, byte[]> Dictionaries = new() { [1] = LoadDictionary("session-v1.dict") };

    private readonly ThreadLocal<Compressor> _compressor;
    private readonly ThreadLocal<Dictionary<byte, Decompressor>> _decompressors;

    public SessionCodec(int level, KeyRing? ring)
    {
        Ring = ring;
        _compressor = new ThreadLocal<Compressor>(() =>
        {
            var c = new Compressor(level);
            c.LoadDictionary(Dictionaries[CurrentDictionary]);
            return c;
        });
        _decompressors = new ThreadLocal<Dictionary<byte, Decompressor>>(() => []);
    }

    public KeyRing? Ring { get; }

    public bool Encrypted => Ring is not null;

    public static JsonSerializerOptions Json => JsonGrainStorageSerializer.Options;

    /// <summary>A new data key for a session, or null in plain mode.</summary>
    public SessionDataKey? NewDataKey() =>
        Ring is null ? null : new SessionDataKey(RandomNumberGenerator.GetBytes(32), Ring.PrimaryKeyId);

    /// <summary>The key rewrapped under the primary ring key, and its stored form.</summary>
    public (SessionDataKey Key, byte[] Wrapped) WrapDataKey(SessionDataKey key, string sessionId) =>
        (key with { WrappedBy = Ring!.PrimaryKeyId }, Ring.Wrap(key.Key, sessionId));

    public SessionDataKey UnwrapDataKey(ReadOnlySpan<byte> wrapped, string sessionId)
    {
        var ring = Ring ?? throw new CryptographicException(
            "An encrypted session was found but no key ring is configured (Storage:Encryption).");
        var (key, id) = ring.Unwrap(wrapped, sessionId);
        return new SessionDataKey(key, id);
    }

    public byte[] Encode<T>(T value, SessionDataKey? key, string sessionId, char kind)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(value, Json);
        var compressed = _compressor.Value!.Wrap(json);
        if (key is null)
        {
            var plain = new byte[2 + compressed.Length];
            plain[0] = FormatPlain;
            plain[1] = CurrentDictionary;
            compressed.CopyTo(plain.AsSpan(2));
            return plain;
        }

        var id = Encoding.ASCII.GetBytes(key.WrappedBy);
        var header = 3 + id.Length;
        var output = new byte[header + AesGcmBox.Overhead + compressed.Length];
        output[0] = FormatEncrypted;
        output[1] = CurrentDictionary;
        output[2] = (byte)id.Length;
        id.CopyTo(output, 3);
        AesGcmBox.Seal(key.Key, compressed, Aad(output.AsSpan(0, header), sessionId, kind), output.AsSpan(header));
        return output;
    }

    public T Decode<T>(ReadOnlySpan<byte> value, SessionDataKey? key, string sessionId, char kind)
    {
        ReadOnlySpan<byte> compressed;
        switch (value[0])
        {
            case FormatPlain:
                compressed = value[2..];
                break;
            case FormatEncrypted:
                var header = 3 + value[2];
                var dataKey = key ?? throw new CryptographicException("An encrypted value has no data key to open it.");
                var box = value[header..];
                var plaintext = new byte[box.Length - AesGcmBox.Overhead];
                AesGcmBox.Open(dataKey.Key, box, Aad(value[..header], sessionId, kind), plaintext);
                compressed = plaintext;
                break;
            default:
                throw new InvalidDataException($"Unknown stored value format {value[0]}.");
        }

        var json = Decompressor(value[1]).Unwrap(compressed);
        return JsonSerializer.Deserialize<T>(json, Json)
            ?? throw new InvalidDataException($"A stored {typeof(T).Name} decoded to null.");
    }

    private Decompressor Decompressor(byte dictionary)
    {
        var map = _decompressors.Value!;
        if (!map.TryGetValue(dictionary, out var d))
        {
            d = new Decompressor();
            d.LoadDictionary(Dictionaries.TryGetValue(dictionary, out var bytes)
                ? bytes
                : throw new InvalidDataException($"Unknown compression dictionary {dictionary}."));
            map[dictionary] = d;
        }

        return d;
    }

    private static byte[] Aad(ReadOnlySpan<byte> header, string sessionId, char kind)
    {
        var context = Encoding.UTF8.GetBytes($"trt:{kind}:{sessionId}:");
        return [.. context, .. header];
    }

    private static byte[] LoadDictionary(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"TrtOrleans.Grains.Persistence.{name}")
            ?? throw new InvalidOperationException($"Compression dictionary {name} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
