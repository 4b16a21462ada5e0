using System.Text.Json;
using StackExchange.Redis;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Grains;

/// <summary>The retrieval cache shared by every silo: exemplar ids and scores (never text) under the plan's
/// trt:rag_cache: prefix, one hour each. A Redis failure is a miss, never an error of the turn.</summary>
public sealed class RedisRetrievalCache(IConnectionMultiplexer redis) : IRetrievalCache
{
    public static readonly TimeSpan Ttl = TimeSpan.FromHours(1);

    private readonly IDatabase _db = redis.GetDatabase();

    public async Task<IReadOnlyList<CachedHit>?> GetAsync(string key, CancellationToken ct)
    {
        if (!redis.IsConnected)
        {
            return null; // a miss at once, not after a command timeout
        }

        try
        {
            var value = await _db.StringGetAsync(key);
            return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<CachedHit[]>((string)value!);
        }
        catch (Exception ex) when (ex is RedisException or JsonException or TimeoutException)
        {
            return null;
        }
    }

    public async Task SetAsync(string key, IReadOnlyList<CachedHit> hits, CancellationToken ct)
    {
        if (!redis.IsConnected)
        {
            return;
        }

        try
        {
            // Fire and forget: the turn does not wait for the cache.
            await _db.StringSetAsync(key, JsonSerializer.Serialize(hits), Ttl, flags: CommandFlags.FireAndForget);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // A cache that cannot be written only costs a recomputation next time.
        }
    }
}
