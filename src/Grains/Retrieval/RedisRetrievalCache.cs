using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using StackExchange.Redis;
using TrtOrleans.Grains.Persistence;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Grains;

/// <summary>The retrieval cache shared by every silo: exemplar ids and scores (never text), one hour each. The Redis
/// key is a keyed HMAC of the retriever's cache key (which names the input by a hash), under the deployment's prefix:
/// without the MAC key, a dictionary of short messages cannot be matched against the key names. A Redis failure is a
/// miss, never an error of the turn.</summary>
public sealed class RedisRetrievalCache(IConnectionMultiplexer redis, RedisKeyspace keys, RetrievalCacheMac mac) : IRetrievalCache
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
            var value = await _db.StringGetAsync(RedisKey(key));
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
            await _db.StringSetAsync(RedisKey(key), JsonSerializer.Serialize(hits), Ttl, flags: CommandFlags.FireAndForget);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // A cache that cannot be written only costs a recomputation next time.
        }
    }

    private string RedisKey(string key) => keys.RetrievalCacheKey(mac.Compute(key));
}

/// <summary>The keyed hash that names retrieval-cache entries: HMAC-SHA256 under a key derived from the key ring
/// (the same on every silo). Without a key ring (plain development mode) the key is derived from the key prefix,
/// which is not secret.</summary>
public sealed class RetrievalCacheMac(KeyRing? ring, RedisKeyspace keys)
{
    private readonly byte[] _key = ring?.DeriveMacKey("trt-retrieval-cache")
        ?? SHA256.HashData(Encoding.UTF8.GetBytes("trt-retrieval-cache:" + keys.Prefix));

    public string Compute(string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(value)).AsSpan(0, 20));
}
