using System.Text.Json;

namespace TrtOrleans.Bench.Compare;

/// <summary>Redis memory of one session with 50 exchanges sent with request ids: MEMORY USAGE summed over every key
/// whose name contains the session id (found by SCAN), for the product and for the baseline.</summary>
internal static class SessionMemory
{
    public const int Exchanges = 50;

    public sealed record Usage(long ProductBytes, long BaselineBytes);

    public static async Task<Usage> MeasureAsync(BenchStack stack, RedisProbe? redis, string run)
    {
        if (redis is null)
        {
            return new Usage(0, 0);
        }

        var productDb = stack.RedisUrl is { } url && new Uri(url).AbsolutePath.Trim('/') is { Length: > 0 } db ? int.Parse(db, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var product = await OneAsync("product", stack.ProductUrl, redis, productDb, $"memprobe{run}p");
        var baseline = stack.BaselineUrl is null ? 0 : await OneAsync("baseline", stack.BaselineUrl, redis, 1, $"memprobe{run}b");
        return new Usage(product, baseline);
    }

    private static async Task<long> OneAsync(string name, Uri url, RedisProbe redis, int db, string sessionId)
    {
        var inputs = new NovelInputs(sessionId.GetHashCode(StringComparison.Ordinal));
        using var load = new LoadRunner(url, 1);
        var errors = new ErrorCounter();
        for (var turn = 0; turn < Exchanges; turn++)
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
            {
                ["session_id"] = sessionId,
                ["user_input"] = inputs.Line(turn % NovelInputs.Length, turn),
                ["request_id"] = $"{sessionId}-r{turn}",
            });
            await load.SendAsync(body, errors, count: true);
        }

        var keys = await redis.SessionKeysAsync(db, sessionId);
        var total = keys.Sum(k => k.Bytes);
        Console.WriteLine($"{name}: one session after {Exchanges} exchanges with request ids: {total:N0} B in Redis " +
            $"({string.Join(", ", keys.Select(k => $"{k.Key} {k.Bytes:N0}"))}){(errors.Total > 0 ? $"; failed turns: {errors}" : "")}");
        return total;
    }
}
