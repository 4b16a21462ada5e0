using System.Diagnostics;
using StackExchange.Redis;
using TrtOrleans.Grains.Index;

namespace TrtOrleans.Bench;

/// <summary>Listing the 100 most recent sessions out of N index members (issue: under 10 ms at 1,000,000).
/// Baseline in the same run: one PING round trip on the same connection.</summary>
internal static class IndexBench
{
    public static async Task<int> RunAsync(string redisUrl, int members, int iterations)
    {
        var options = TrtOrleans.Grains.Persistence.RedisUrl.Parse(redisUrl);
        options.AllowAdmin = true;
        using var redis = await ConnectionMultiplexer.ConnectAsync(options);
        var db = redis.GetDatabase();
        var keys = new TrtOrleans.Grains.Persistence.RedisKeyspace("trt:bench:", 64);
        var index = new RedisSessionIndex(redis, keys);
        RedisKey[] indexKeys = [.. Enumerable.Range(0, keys.Shards).SelectMany(s => new RedisKey[] { keys.IndexKey(s), keys.SummaryKey(s) })];

        Console.WriteLine($"filling {members:N0} index members (pipelined) ...");
        await db.KeyDeleteAsync(indexKeys);
        var start = DateTimeOffset.UtcNow.AddDays(-1);
        var fill = Stopwatch.StartNew();
        const int Batch = 10_000;
        for (var offset = 0; offset < members; offset += Batch)
        {
            var tasks = new List<Task>(Batch);
            for (var i = offset; i < Math.Min(members, offset + Batch); i++)
            {
                tasks.Add(index.TouchAsync(new SessionSummary($"bench_{i:D8}", "1.2_problem_and_body", start.AddMilliseconds(i * 50), i % 40, "active")));
            }

            await Task.WhenAll(tasks);
        }

        Console.WriteLine($"filled in {fill.Elapsed.TotalSeconds:F1} s; ZCARD = {await index.CountAsync():N0}");

        for (var i = 0; i < 50; i++)
        {
            await index.ListRecentAsync(100, DateTimeOffset.MinValue);
            await db.PingAsync();
        }

        var list = new List<double>(iterations);
        var ping = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            var result = await index.ListRecentAsync(100, DateTimeOffset.MinValue);
            list.Add(Stats.ElapsedUs(t0));
            if (result.Count != 100)
            {
                throw new InvalidOperationException($"expected 100 sessions, got {result.Count}");
            }

            t0 = Stopwatch.GetTimestamp();
            await db.PingAsync();
            ping.Add(Stats.ElapsedUs(t0));
        }

        var listStats = Stats.Of(list);
        var pingStats = Stats.Of(ping);
        Console.WriteLine($"list 100 most recent of {members:N0}: {listStats}");
        Console.WriteLine($"baseline PING round trip:        {pingStats}");
        Console.WriteLine($"ratio list/ping (median): {listStats.MedianUs / pingStats.MedianUs:F1}x");
        Console.WriteLine(listStats.MedianUs < 10_000 ? "target (< 10 ms median): met" : "target (< 10 ms median): NOT met");
        await db.KeyDeleteAsync(indexKeys);
        return 0;
    }
}
