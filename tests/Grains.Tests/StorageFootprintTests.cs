using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace TrtOrleans.Grains.Tests;

/// <summary>Redis bytes of one session (issue target: ≤ 12 KB with 50 exchanges sent with request ids, MEMORY USAGE
/// summed over all its keys) and the commands one turn sends (one script, one round trip).</summary>
public sealed class StorageFootprintTests(StorageFootprintTests.Fixture fixture, ITestOutputHelper output) : IClassFixture<StorageFootprintTests.Fixture>
{
    public sealed class Fixture : TrtClusterFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Sessions:RateLimit"] = "1000" };
    }

    [Fact]
    public async Task FiftyExchangesWithRequestIdsFitInTwelveKilobytes()
    {
        var id = "size_" + Guid.NewGuid().ToString("N")[..10];
        var grain = fixture.Grains.GetGrain<ISessionGrain>(id);
        var chars = 0;
        for (var i = 0; i < 50; i++)
        {
            var line = NovelInputs.Line(i);
            chars += line.Length;
            await grain.SendInputAsync(new InputRequest(line, $"req-{i}", new SessionMetadata("app", "ios", "1.0", SessionMetadata.ViaInputEndpoint, null, [])));
        }

        var (total, parts) = await MemoryUsageAsync(id);
        output.WriteLine($"one session, 50 exchanges ({chars} input chars) with request ids: {total} B in Redis ({parts})");
        Assert.InRange(total, 1, 12 * 1024);

        // Everything still answers: the full history, and a replay of the oldest kept request id.
        Assert.Equal(50, (await grain.GetHistoryAsync(50))!.Exchanges.Length);
        var replay = await grain.SendInputAsync(new InputRequest(NovelInputs.Line(30), "req-30", new SessionMetadata(null, null, null, SessionMetadata.ViaInputEndpoint, null, [])));
        Assert.Equal(InputStatus.Replayed, replay.Status);
        Assert.Equal(31, replay.Response!.Turn);
    }

    [Fact]
    public async Task ATurnWritesWithOneScriptAndNoOtherWriteCommand()
    {
        var id = "rt_" + Guid.NewGuid().ToString("N")[..10];
        var grain = fixture.Grains.GetGrain<ISessionGrain>(id);
        await grain.SendInputAsync(SessionPersistenceTests.Input("Hi. I've been on edge for weeks.", "a"));
        var silo = fixture.Cluster.GetActiveSilos().Single();
        var redis = fixture.Cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredService<IConnectionMultiplexer>();
        var session = new StackExchange.Redis.Profiling.ProfilingSession();
        redis.RegisterProfiler(() => session);

        for (var i = 1; i <= 20; i++)
        {
            await grain.SendInputAsync(SessionPersistenceTests.Input(NovelInputs.Line(i), $"r{i}"));
        }

        redis.RegisterProfiler(() => null);
        var commands = session.FinishProfiling().Select(c => c.Command).ToList();
        output.WriteLine($"20 turns sent: {string.Join(", ", commands.GroupBy(c => c).Select(g => $"{g.Key} x{g.Count()}"))}");
        Assert.Equal(20, commands.Count(c => c is "EVALSHA" or "EVAL"));
        Assert.DoesNotContain(commands, c => c is "ZADD" or "HSET" or "LPUSH" or "LTRIM" or "DEL" or "HDEL" or "ZREM");
    }

    private async Task<(long Total, string Parts)> MemoryUsageAsync(string id)
    {
        var keys = RedisKeys.Scan(fixture.Redis, fixture.Database, $"*{id}*");
        long total = 0;
        var parts = new List<string>();
        foreach (var key in keys)
        {
            var bytes = (long)await fixture.Db.ExecuteAsync("MEMORY", "USAGE", key, "SAMPLES", "0");
            total += bytes;
            parts.Add($"{key[(key.LastIndexOf('}') + 2)..]}={bytes}");
        }

        return (total, string.Join(", ", parts));
    }

    private static async Task<Dictionary<string, long>> CommandCountsAsync(IServer server)
    {
        var info = await server.InfoAsync("commandstats");
        return info.SelectMany(g => g)
            .Where(kv => kv.Key.StartsWith("cmdstat_", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key["cmdstat_".Length..], kv => long.Parse(kv.Value.Split(',')[0].Split('=')[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
