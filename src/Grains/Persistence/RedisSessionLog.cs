using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using TrtOrleans.Grains.Interfaces;

namespace TrtOrleans.Grains.Persistence;

/// <summary>History as a Redis list (newest first, LPUSH + LTRIM as in the plan) and replies as a hash, both with a
/// backstop TTL longer than the grain's own expiry. One Lua script makes each append atomic and idempotent.</summary>
public sealed class RedisSessionLog(IConnectionMultiplexer redis, IOptions<SessionOptions> options) : ISessionLog
{
    // KEYS[1] history, KEYS[2] replies; ARGV[1] turn, ARGV[2] exchange json, ARGV[3] cap-1, ARGV[4] ttl seconds,
    // ARGV[5] request id ('' = none), ARGV[6] reply json, ARGV[7..] evicted request ids.
    private const string AppendScript = """
        local head = redis.call('LINDEX', KEYS[1], 0)
        local newest = 0
        if head then newest = tonumber(cjson.decode(head)['turn']) end
        if newest < tonumber(ARGV[1]) then
          redis.call('LPUSH', KEYS[1], ARGV[2])
          redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[3]))
        end
        redis.call('EXPIRE', KEYS[1], ARGV[4])
        if ARGV[5] ~= '' then
          redis.call('HSET', KEYS[2], ARGV[5], ARGV[6])
        end
        for i = 7, #ARGV do redis.call('HDEL', KEYS[2], ARGV[i]) end
        if redis.call('EXISTS', KEYS[2]) == 1 then redis.call('EXPIRE', KEYS[2], ARGV[4]) end
        return newest
        """;

    private readonly IDatabase _db = redis.GetDatabase();

    public async Task AppendAsync(string sessionId, Exchange exchange, StoredReply? reply, IReadOnlyList<string> evictedRequestIds)
    {
        var args = new List<RedisValue>
        {
            exchange.Turn,
            JsonSerializer.Serialize(exchange, WireJson.Options),
            SessionLimits.HistoryCap - 1,
            (long)options.Value.StorageBackstop.TotalSeconds,
            reply?.RequestId ?? "",
            reply is null ? "" : JsonSerializer.Serialize(reply.Response, WireJson.Options),
        };
        args.AddRange(evictedRequestIds.Select(id => (RedisValue)id));
        await _db.ScriptEvaluateAsync(
            AppendScript,
            [StorageNames.HistoryKey(sessionId), StorageNames.RepliesKey(sessionId)],
            [.. args]);
    }

    public async Task<int> GetNewestTurnAsync(string sessionId)
    {
        var head = await _db.ListGetByIndexAsync(StorageNames.HistoryKey(sessionId), 0);
        return head.IsNullOrEmpty ? 0 : JsonSerializer.Deserialize<Exchange>((string)head!, WireJson.Options)!.Turn;
    }

    public async Task<Exchange[]> GetHistoryAsync(string sessionId, int limit)
    {
        var items = await _db.ListRangeAsync(StorageNames.HistoryKey(sessionId), 0, limit - 1);
        return [.. items.Select(i => JsonSerializer.Deserialize<Exchange>((string)i!, WireJson.Options)!)];
    }

    public async Task<TherapistResponse?> GetReplyAsync(string sessionId, string requestId)
    {
        var value = await _db.HashGetAsync(StorageNames.RepliesKey(sessionId), requestId);
        return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<TherapistResponse>((string)value!, WireJson.Options);
    }

    public Task DeleteAsync(string sessionId) =>
        _db.KeyDeleteAsync([StorageNames.HistoryKey(sessionId), StorageNames.RepliesKey(sessionId)]);
}
