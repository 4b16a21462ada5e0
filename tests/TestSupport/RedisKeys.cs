using StackExchange.Redis;

namespace TrtOrleans.TestSupport;

public static class RedisKeys
{
    /// <summary>Every key of a logical database, by SCAN (never KEYS).</summary>
    public static List<string> Scan(RedisServer redis, int database, string pattern = "*") =>
        [.. redis.Admin.GetServer(redis.Host, redis.Port).Keys(database, pattern, pageSize: 500).Select(k => (string)k!)];
}
