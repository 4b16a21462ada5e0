using System.Buffers;
using System.Buffers.Binary;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ZstdSharp;

namespace TrtOrleans.Grains.Persistence;

/// <summary>Stored values of a session: System.Text.Json (snake_case, the documented generic shape: any field added to
/// a stored type persists without format work), zstd-compressed with a shipped dictionary (built from the reply
/// templates, exemplars and the field names), then — with a key ring — AES-256-GCM under the session's data key.
/// Layout: <c>[format][dictionary id]</c> then the body, in the clear (formats 1 and 3) or as
/// <c>[idLen][key id][nonce][ciphertext][tag]</c> (formats 2 and 4, key id = the ring key that wraps the data key).
/// The body is one zstd frame (formats 1, 2: history pages, and records written before segments existed) or
/// segments, each <c>[length, 4 bytes little-endian][zstd frame]</c> (formats 3, 4: the session record, whose first
/// segment is the record without its newest exchanges and every further one a newest exchange, compressed once when
/// it is added and reused by every later write). The header is authenticated with the session id and the value's
/// kind, so a value cannot be moved to another session or slot.</summary>
public sealed class SessionCodec
{
    public const byte FormatPlain = 1;
    public const byte FormatEncrypted = 2;
    public const byte FormatSegmentedPlain = 3;
    public const byte FormatSegmentedEncrypted = 4;
    private const byte CurrentDictionary = 1;

    // Dictionaries are frozen once shipped (stored values name theirs); a new one gets the next id.
    private static readonly Dictionary<byte, byte[]> Dictionaries = new() { [1] = LoadDictionary("session-v1.dict") };

    private readonly ThreadLocal<Compressor> _compressor;
    private readonly ThreadLocal<Compressor> _segmentCompressor;
    private readonly ThreadLocal<Dictionary<byte, Decompressor>> _decompressors;

    /// <param name="level">zstd level of values written once (history pages).</param>
    /// <param name="ring">The key ring; null: plain mode.</param>
    /// <param name="segmentLevel">zstd level of the record's segments, written on every turn.</param>
    public SessionCodec(int level, KeyRing? ring, int segmentLevel = StorageOptions.DefaultRecordCompressionLevel)
    {
        Ring = ring;
        _compressor = new ThreadLocal<Compressor>(() => NewCompressor(level));
        _segmentCompressor = new ThreadLocal<Compressor>(() => NewCompressor(segmentLevel));
        _decompressors = new ThreadLocal<Dictionary<byte, Decompressor>>(() => []);
    }

    private static Compressor NewCompressor(int level)
    {
        var c = new Compressor(level);
        c.LoadDictionary(Dictionaries[CurrentDictionary]);
        return c;
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

    /// <summary>One value in one zstd frame (history pages).</summary>
    public byte[] Encode<T>(T value, SessionDataKey? key, string sessionId, char kind) =>
        Seal(Compress(_compressor.Value!, ToJson(value)), segmented: false, key, sessionId, kind);

    public T Decode<T>(ReadOnlySpan<byte> value, SessionDataKey? key, string sessionId, char kind)
    {
        var body = Open(value, key, sessionId, kind, out var segmented);
        if (segmented)
        {
            throw new InvalidDataException($"A segmented value was found where one {typeof(T).Name} was expected.");
        }

        return FromJson<T>(Decompressor(value[1]).Unwrap(body));
    }

    /// <summary>One segment, ready for <see cref="EncodeSegments"/>: compressed at the record level when it is written
    /// on every turn (the record head), at the level of values written once when it is kept and reused (an
    /// exchange). Not encrypted: segments are sealed together when the record is written.</summary>
    public byte[] Segment<T>(T value, bool reused) =>
        Compress((reused ? _compressor : _segmentCompressor).Value!, ToJson(value)).ToArray();

    /// <summary>The stored value of a record: the segments, in order, sealed together.</summary>
    public byte[] EncodeSegments(IReadOnlyList<byte[]> segments, SessionDataKey? key, string sessionId, char kind)
    {
        var length = segments.Sum(s => 4 + s.Length);
        var body = Scratch(ref t_body, length);
        var at = 0;
        foreach (var segment in segments)
        {
            BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(at), segment.Length);
            segment.CopyTo(body, at + 4);
            at += 4 + segment.Length;
        }

        return Seal(body.AsSpan(0, length), segmented: true, key, sessionId, kind);
    }

    /// <summary>The segments of a stored value, still compressed (a value of format 1 or 2 is one segment), and the
    /// dictionary they were compressed with.</summary>
    public (byte Dictionary, List<byte[]> Segments) DecodeSegments(ReadOnlySpan<byte> value, SessionDataKey? key, string sessionId, char kind)
    {
        var body = Open(value, key, sessionId, kind, out var segmented);
        if (!segmented)
        {
            return (value[1], [body.ToArray()]);
        }

        var segments = new List<byte[]>();
        while (!body.IsEmpty)
        {
            var length = body.Length < 4 ? -1 : BinaryPrimitives.ReadInt32LittleEndian(body);
            if (length < 0 || length > body.Length - 4)
            {
                throw new InvalidDataException("A stored segment runs past the end of its value.");
            }

            segments.Add(body.Slice(4, length).ToArray());
            body = body[(4 + length)..];
        }

        return (value[1], segments);
    }

    /// <summary>One segment decompressed with its dictionary and read.</summary>
    public T FromSegment<T>(ReadOnlySpan<byte> segment, byte dictionary) => FromJson<T>(Decompressor(dictionary).Unwrap(segment));

    /// <summary>A record's stored value: the record without its newest exchanges, then each of
    /// <paramref name="newest"/> as its own segment, compressed once when it was added (kept on the exchange and
    /// reused by later writes) — a turn compresses what it changed, not the whole record.</summary>
    public byte[] EncodeRecord(SessionRecord record, IReadOnlyList<StoredTurn> newest, SessionDataKey? key, string sessionId)
    {
        var segments = new List<byte[]>(1 + newest.Count);
        var turns = record.NewestTurns;
        record.NewestTurns = [];
        try
        {
            segments.Add(Segment(record, reused: false));
        }
        finally
        {
            record.NewestTurns = turns;
        }

        foreach (var turn in newest)
        {
            segments.Add(turn.Segment ??= Segment(turn, reused: true));
        }

        return EncodeSegments(segments, key, sessionId, 's');
    }

    /// <summary>A record read back from its stored value, segmented or (written before segments) one frame. Its
    /// exchanges keep their segments for the next write when they were compressed with the current dictionary.</summary>
    public SessionRecord DecodeRecord(ReadOnlySpan<byte> value, SessionDataKey? key, string sessionId)
    {
        var (dictionary, segments) = DecodeSegments(value, key, sessionId, 's');
        var record = FromSegment<SessionRecord>(segments[0], dictionary);
        foreach (var segment in segments.Skip(1))
        {
            var turn = FromSegment<StoredTurn>(segment, dictionary);
            turn.Segment = dictionary == CurrentDictionary ? segment : null;
            record.NewestTurns.Add(turn);
        }

        return record;
    }

    // Per-thread scratch buffers: a write builds its JSON, compressed frame and segment body in reused memory and
    // allocates only the value it stores (a turn allocates a few KB less that the GC must sweep). The spans they hand
    // out are used before the next call on the same thread: nothing here awaits.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_json;
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;
    [ThreadStatic]
    private static byte[]? t_frame;
    [ThreadStatic]
    private static byte[]? t_body;

    private static ReadOnlySpan<byte> ToJson<T>(T value)
    {
        var buffer = t_json ??= new ArrayBufferWriter<byte>(32 * 1024);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Json.Encoder, SkipValidation = true });
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, value, Json);
        return buffer.WrittenSpan;
    }

    private static ReadOnlySpan<byte> Compress(Compressor compressor, ReadOnlySpan<byte> json)
    {
        var frame = Scratch(ref t_frame, Compressor.GetCompressBound(json.Length));
        return compressor.TryWrap(json, frame, out var written)
            ? frame.AsSpan(0, written)
            : throw new InvalidOperationException("zstd could not compress a value into its compress bound.");
    }

    private static byte[] Scratch(ref byte[]? buffer, int length) =>
        buffer is { } b && b.Length >= length ? b : buffer = new byte[Math.Max(length, 32 * 1024)];

    private static T FromJson<T>(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<T>(json, Json) ?? throw new InvalidDataException($"A stored {typeof(T).Name} decoded to null.");

    private byte[] Seal(ReadOnlySpan<byte> body, bool segmented, SessionDataKey? key, string sessionId, char kind)
    {
        if (key is null)
        {
            var plain = new byte[2 + body.Length];
            plain[0] = segmented ? FormatSegmentedPlain : FormatPlain;
            plain[1] = CurrentDictionary;
            body.CopyTo(plain.AsSpan(2));
            return plain;
        }

        var id = Encoding.ASCII.GetBytes(key.WrappedBy);
        var header = 3 + id.Length;
        var output = new byte[header + AesGcmBox.Overhead + body.Length];
        output[0] = segmented ? FormatSegmentedEncrypted : FormatEncrypted;
        output[1] = CurrentDictionary;
        output[2] = (byte)id.Length;
        id.CopyTo(output, 3);
        AesGcmBox.Seal(key.Key, body, Aad(output.AsSpan(0, header), sessionId, kind), output.AsSpan(header));
        return output;
    }

    /// <summary>The body of a stored value (decrypted when sealed) and whether it is segmented.</summary>
    private static ReadOnlySpan<byte> Open(ReadOnlySpan<byte> value, SessionDataKey? key, string sessionId, char kind, out bool segmented)
    {
        if (value.Length < 2)
        {
            throw new InvalidDataException("A stored value is too short to carry its header.");
        }

        switch (value[0])
        {
            case FormatPlain or FormatSegmentedPlain:
                segmented = value[0] == FormatSegmentedPlain;
                return value[2..];
            case FormatEncrypted or FormatSegmentedEncrypted:
                var header = value.Length > 2 ? 3 + value[2] : int.MaxValue;
                if (value.Length < header + AesGcmBox.Overhead)
                {
                    throw new InvalidDataException("A stored value is too short for its encryption header.");
                }

                var dataKey = key ?? throw new CryptographicException("An encrypted value has no data key to open it.");
                var box = value[header..];
                var plaintext = new byte[box.Length - AesGcmBox.Overhead];
                AesGcmBox.Open(dataKey.Key, box, Aad(value[..header], sessionId, kind), plaintext);
                segmented = value[0] == FormatSegmentedEncrypted;
                return plaintext;
            default:
                throw new InvalidDataException($"Unknown stored value format {value[0]}.");
        }
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
