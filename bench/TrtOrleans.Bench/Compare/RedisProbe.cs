using System.Globalization;
using StackExchange.Redis;
using TrtOrleans.Grains.Persistence;

namespace TrtOrleans.Bench.Compare;

/// <summary>What the benchmark reads from Redis itself: commands processed and append-only-file size (deltas over a
/// measured window give commands and AOF bytes per turn), and the memory one session's keys use.</summary>
internal sealed class RedisProbe : IAsyncDisposable
{
    private readonly ConnectionMultiplexer _redis;
    private readonly IServer _server;

    private RedisProbe(ConnectionMultiplexer redis)
    {
        _redis = redis;
        _server = redis.GetServers()[0];
    }

    public static async Task<RedisProbe> ConnectAsync(string redisUrl)
    {
        var options = RedisUrl.Parse(redisUrl);
        options.AllowAdmin = true;
        return new RedisProbe(await ConnectionMultiplexer.ConnectAsync(options));
    }

    public IDatabase Database(int db) => _redis.GetDatabase(db);

    public sealed record Counters(long Commands, long AofBytes, long UsedMemory);

    public async Task<Counters> CountersAsync()
    {
        var info = (await _server.InfoAsync()).SelectMany(g => g).ToDictionary(kv => kv.Key, kv => kv.Value);
        return new Counters(Long(info, "total_commands_processed"), Long(info, "aof_current_size"), Long(info, "used_memory"));
    }

    public async Task<string> ServerDescriptionAsync()
    {
        var info = (await _server.InfoAsync()).SelectMany(g => g).ToDictionary(kv => kv.Key, kv => kv.Value);
        var aof = info.GetValueOrDefault("aof_enabled") == "1" ? "on" : "OFF";
        var fsync = (await _server.ConfigGetAsync("appendfsync")).FirstOrDefault().Value;
        return $"Redis {info.GetValueOrDefault("redis_version")}, AOF {aof} (appendfsync {fsync})";
    }

    public async Task<int?> PidAsync()
    {
        var info = (await _server.InfoAsync("server")).SelectMany(g => g).ToDictionary(kv => kv.Key, kv => kv.Value);
        return int.TryParse(info.GetValueOrDefault("process_id"), CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    /// <summary>Every key in database <paramref name="db"/> whose name contains <paramref name="sessionId"/> (SCAN),
    /// with its MEMORY USAGE.</summary>
    public async Task<List<(string Key, long Bytes)>> SessionKeysAsync(int db, string sessionId)
    {
        var database = _redis.GetDatabase(db);
        var keys = new List<(string, long)>();
        await foreach (var key in _server.KeysAsync(db, $"*{sessionId}*", pageSize: 1000))
        {
            var usage = await database.ExecuteAsync("MEMORY", "USAGE", key, "SAMPLES", "0");
            keys.Add((key.ToString(), usage.IsNull ? 0 : (long)usage));
        }

        return keys;
    }

    public Task FlushAsync(int db) => _server.FlushDatabaseAsync(db);

    private static long Long(Dictionary<string, string> info, string key) =>
        long.TryParse(info.GetValueOrDefault(key), CultureInfo.InvariantCulture, out var v) ? v : 0;

    public async ValueTask DisposeAsync() => await _redis.DisposeAsync();
}
