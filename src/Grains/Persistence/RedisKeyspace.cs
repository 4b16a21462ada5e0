using System.IO.Hashing;
using System.Text;

namespace TrtOrleans.Grains.Persistence;

/// <summary>Names of every Redis key the product writes itself (docs/redis-keys.md). Per-session keys and the
/// session's index shard share the hash tag of the session's bucket (<c>{prefix}{b07}:…</c>), so one script may
/// touch all of them on a Redis Cluster; everything starts with the deployment's prefix.</summary>
public sealed class RedisKeyspace
{
    public RedisKeyspace(string prefix, int shards)
    {
        if (prefix.Contains('{', StringComparison.Ordinal) || prefix.Contains('}', StringComparison.Ordinal))
        {
            throw new ArgumentException("Storage:KeyPrefix must not contain '{' or '}' (the hash tags follow it).", nameof(prefix));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(shards, 4096);
        Prefix = prefix;
        Shards = shards;
    }

    public string Prefix { get; }

    public int Shards { get; }

    public static string DefaultPrefix(string serviceId) => $"trt:{serviceId}:";

    public static RedisKeyspace From(StorageOptions options, string serviceId) =>
        new(string.IsNullOrEmpty(options.KeyPrefix) ? DefaultPrefix(serviceId) : options.KeyPrefix, options.IndexShards);

    /// <summary>The bucket of a session: a stable hash of its id (never change: it is part of every key).</summary>
    public int ShardOf(string sessionId) => (int)(XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(sessionId)) % (uint)Shards);

    public string StateKey(string sessionId) => $"{Tag(ShardOf(sessionId))}:s:{sessionId}";

    public string HistoryKey(string sessionId) => $"{Tag(ShardOf(sessionId))}:h:{sessionId}";

    /// <summary>The session's data key, wrapped by the key ring. Its own key: erasing it shreds the session.</summary>
    public string DataKeyKey(string sessionId) => $"{Tag(ShardOf(sessionId))}:k:{sessionId}";

    public string IndexKey(int shard) => $"{Tag(shard)}:idx";

    /// <summary>The set of one client's live sessions (the per-client quota), in the client's own slot.</summary>
    public string ClientSessionsKey(string clientId) => $"{Prefix}{{c:{clientId}}}:sessions";

    public string SummaryKey(int shard) => $"{Tag(shard)}:sum";

    public string RetrievalCacheKey(string mac) => $"{Prefix}rag:{mac}";

    public string AnalyticsDayKey(DateOnly day) => $"{Prefix}analytics:daily:{day:yyyy-MM-dd}";

    /// <summary>A key of the crisis audit chain; all share one hash tag (one slot), since its scripts touch several.</summary>
    public string AuditKey(string part) => $"{Prefix}{{audit}}:{part}";

    private string Tag(int shard) => $"{Prefix}{{b{shard:x2}}}";
}
