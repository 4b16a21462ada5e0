using System.Diagnostics;
using System.Security.Cryptography;
using TrtOrleans.Grains;
using TrtOrleans.Grains.Persistence;
using TrtOrleans.Therapy.Engine;

namespace TrtOrleans.Bench;

/// <summary>The cost of a turn's stored value: a turn writes one session value (the record), so encoding the same
/// realistic record the way it was written before segments (one frame), segmented in the clear and segmented with a
/// key ring, in the same run, shows what the segments save and what AES-GCM adds.</summary>
internal static class CodecBench
{
    public static async Task<int> RunAsync(int iterations)
    {
        var id = "bench_codec";
        var engine = TrtEngine.CreateDefault();
        var now = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
        var record = new SessionRecord { Engine = engine.NewSession(id, now) };
        var turn = 0;
        foreach (var text in EngineBench.Script)
        {
            var result = await EngineBench.TurnAsync(engine, record.Engine!, text, now);
            record.Engine = result.State;
            record.NewestTurns.Add(StoredTurn.Of(
                ResponseMapper.ToWire(result.Exchange, SessionLimits.MaxInputChars),
                $"req-{turn++}",
                ResponseMapper.ToWire(id, result.Response, SessionLimits.MaxInputChars)));
        }

        var options = new StorageOptions();
        var ring = new KeyRing(new Dictionary<string, byte[]> { ["k1"] = RandomNumberGenerator.GetBytes(32) }, "k1");
        var plain = new SessionCodec(options.CompressionLevel, ring: null, options.RecordCompressionLevel);
        var sealedCodec = new SessionCodec(options.CompressionLevel, ring, options.RecordCompressionLevel);
        var dataKey = sealedCodec.NewDataKey();

        Console.WriteLine($"record: {record.NewestTurns.Count} newest exchanges, engine state after {record.Engine!.TurnCount} turns; " +
            $"{iterations} writes each, alternating, after a warm-up; levels: pages {options.CompressionLevel}, record segments {options.RecordCompressionLevel}");

        // What one turn's write encodes. Before: the whole record in one frame at the page level. Now: the record
        // without its exchanges, plus the turn's new exchange; the other exchanges' segments are reused.
        var whole = new SessionCodec(options.CompressionLevel, ring: null);
        var wholeUs = Median(Rounds(iterations, () => whole.Encode(record, null, id, 's')));
        var segmentedUs = Median(Rounds(iterations, () => WriteSegmented(plain, record, null, id)));
        var sealedUs = Median(Rounds(iterations, () => WriteSegmented(sealedCodec, record, dataKey, id)));
        var wholeBytes = whole.Encode(record, null, id, 's').Length;
        var plainBytes = WriteSegmented(plain, record, null, id).Length;
        var sealedBytes = WriteSegmented(sealedCodec, record, dataKey, id).Length;
        var stored = WriteSegmented(sealedCodec, record, dataKey, id);
        var readUs = Median(Rounds(iterations, () => sealedCodec.DecodeRecord(stored, dataKey, id)));

        Console.WriteLine($"per turn, whole record in one frame (level {options.CompressionLevel}, before): {wholeUs,8:F1} µs, {wholeBytes} B");
        Console.WriteLine($"per turn, segmented, compressed only:                {segmentedUs,8:F1} µs, {plainBytes} B ({wholeUs / segmentedUs:F1}x faster)");
        Console.WriteLine($"per turn, segmented, compressed + AES-256-GCM:       {sealedUs,8:F1} µs, {sealedBytes} B");
        Console.WriteLine($"encryption cost per turn: {sealedUs - segmentedUs:F1} µs ({(sealedUs / segmentedUs - 1) * 100:F0} % of the write), {sealedBytes - plainBytes} B per value");
        Console.WriteLine($"read on activation (decrypt, decompress, JSON): {readUs:F1} µs");
        return 0;
    }

    /// <summary>What <see cref="SessionGrainStorage"/> encodes for one turn: the head, the newest exchange (new this
    /// turn, so compressed again on every call), the other exchanges' reused segments, sealed together.</summary>
    private static byte[] WriteSegmented(SessionCodec codec, SessionRecord record, SessionDataKey? key, string id)
    {
        record.NewestTurns[^1].Segment = null;
        return codec.EncodeRecord(record, record.NewestTurns, key, id);
    }

    /// <summary>Four timed rounds after a warm-up of a tenth; µs per call of each round.</summary>
    private static List<double> Rounds(int iterations, Func<object> action)
    {
        for (var i = 0; i < iterations / 10; i++)
        {
            action();
        }

        var rounds = new List<double>();
        for (var round = 0; round < 4; round++)
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < iterations / 4; i++)
            {
                action();
            }

            rounds.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds / (iterations / 4));
        }

        return rounds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }
}
