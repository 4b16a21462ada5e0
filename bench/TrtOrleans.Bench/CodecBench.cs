using System.Diagnostics;
using System.Security.Cryptography;
using TrtOrleans.Grains;
using TrtOrleans.Grains.Persistence;
using TrtOrleans.Therapy.Engine;

namespace TrtOrleans.Bench;

/// <summary>The cost of encryption at rest per turn: a turn writes one session value (the state document), so encoding
/// and decoding the same realistic record with and without a key ring, in the same run, isolates what AES-GCM adds.</summary>
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

        var level = new StorageOptions().CompressionLevel;
        var plain = new SessionCodec(level, ring: null);
        var sealedCodec = new SessionCodec(level, new KeyRing(new Dictionary<string, byte[]> { ["k1"] = RandomNumberGenerator.GetBytes(32) }, "k1"));
        var dataKey = sealedCodec.NewDataKey();

        Console.WriteLine($"record: {record.NewestTurns.Count} newest exchanges, engine state after {record.Engine!.TurnCount} turns; {iterations} encode+decode each, alternating, after a warm-up");
        Measure(plain, null, record, id, iterations / 10);
        Measure(sealedCodec, dataKey, record, id, iterations / 10);
        var plainUs = new List<double>();
        var sealedUs = new List<double>();
        for (var round = 0; round < 4; round++)
        {
            plainUs.Add(Measure(plain, null, record, id, iterations / 4));
            sealedUs.Add(Measure(sealedCodec, dataKey, record, id, iterations / 4));
        }

        var p = Median(plainUs);
        var s = Median(sealedUs);
        var plainBytes = plain.Encode(record, null, id, 's').Length;
        var sealedBytes = sealedCodec.Encode(record, dataKey, id, 's').Length;
        Console.WriteLine($"compressed only:         {p,8:F1} µs per encode+decode, {plainBytes} B");
        Console.WriteLine($"compressed + AES-256-GCM: {s,8:F1} µs per encode+decode, {sealedBytes} B");
        Console.WriteLine($"encryption cost per turn: {s - p:F1} µs ({(s / p - 1) * 100:F0} % of the codec), {sealedBytes - plainBytes} B per value");
        return 0;
    }

    private static double Measure(SessionCodec codec, SessionDataKey? key, SessionRecord record, string id, int count)
    {
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var bytes = codec.Encode(record, key, id, 's');
            _ = codec.Decode<SessionRecord>(bytes, key, id, 's');
        }

        return Stopwatch.GetElapsedTime(start).TotalMicroseconds / count;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }
}
