using System.Text;

namespace TrtOrleans.Therapy.Retrieval;

/// <summary>A table of word vectors distilled offline from the MiniLM sentence model (<c>trt-exemplars
/// word-vectors</c>): each vocabulary word was embedded on its own, the vectors were reduced to the principal
/// directions of the vocabulary and stored as signed bytes with one scale per word. Looking a word up is a
/// dictionary probe, so a sentence costs microseconds instead of a model run.</summary>
public sealed class WordVectors
{
    private const int Magic = 0x31565754; // "TWV1", little-endian

    private readonly Dictionary<string, int> _index;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly sbyte[] _values;
    private readonly float[] _scales;

    private WordVectors(int dimensions, string[] words, sbyte[] values, float[] scales)
    {
        Dimensions = dimensions;
        Words = words;
        _values = values;
        _scales = scales;
        _index = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
        {
            _index.TryAdd(words[i], i);
        }

        _lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Where the shipped table lives in the output folder.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "TherapyData", "retrieval", "word-vectors.bin");

    public int Dimensions { get; }

    public IReadOnlyList<string> Words { get; }

    public int Count => Words.Count;

    /// <summary>Adds <paramref name="weight"/> × the vector of <paramref name="word"/> to <paramref name="sum"/>;
    /// false (and nothing added) for a word outside the vocabulary.</summary>
    public bool TryAccumulate(ReadOnlySpan<char> word, float weight, Span<float> sum)
    {
        if (!_lookup.TryGetValue(word, out var i))
        {
            return false;
        }

        var scale = _scales[i] * weight;
        var row = _values.AsSpan(i * Dimensions, Dimensions);
        for (var d = 0; d < row.Length; d++)
        {
            sum[d] += row[d] * scale;
        }

        return true;
    }

    public bool Contains(ReadOnlySpan<char> word) => _lookup.ContainsKey(word);

    /// <summary>Reads a table written by <see cref="Write"/>. Throws <see cref="InvalidDataException"/> on a
    /// malformed file (the caller falls back to the next ranker).</summary>
    public static WordVectors Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        if (reader.ReadInt32() != Magic)
        {
            throw new InvalidDataException("not a word-vector table");
        }

        var dimensions = reader.ReadInt32();
        var count = reader.ReadInt32();
        if (dimensions is <= 0 or > 4096 || count is <= 0 or > 1_000_000)
        {
            throw new InvalidDataException("word-vector table header out of range");
        }

        var words = new string[count];
        var scales = new float[count];
        var values = new sbyte[count * dimensions];
        for (var i = 0; i < count; i++)
        {
            words[i] = reader.ReadString();
            scales[i] = reader.ReadSingle();
            var bytes = reader.ReadBytes(dimensions);
            if (bytes.Length != dimensions)
            {
                throw new InvalidDataException("word-vector table truncated");
            }

            Buffer.BlockCopy(bytes, 0, values, i * dimensions, dimensions);
        }

        return new WordVectors(dimensions, words, values, scales);
    }

    /// <summary>Writes a table: one signed-byte vector per word, scaled so its largest component is ±127.</summary>
    public static void Write(string path, IReadOnlyList<string> words, IReadOnlyList<float[]> vectors)
    {
        if (words.Count != vectors.Count || words.Count == 0)
        {
            throw new ArgumentException("one vector per word, at least one word");
        }

        var dimensions = vectors[0].Length;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = File.Create(path);
        using var writer = new BinaryWriter(stream, Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(dimensions);
        writer.Write(words.Count);
        var row = new byte[dimensions];
        for (var i = 0; i < words.Count; i++)
        {
            var v = vectors[i];
            var max = v.Max(MathF.Abs);
            var scale = max > 0 ? max / 127f : 1f;
            for (var d = 0; d < dimensions; d++)
            {
                row[d] = unchecked((byte)(sbyte)Math.Clamp(MathF.Round(v[d] / scale), -127, 127));
            }

            writer.Write(words[i]);
            writer.Write(scale);
            writer.Write(row);
        }
    }
}
