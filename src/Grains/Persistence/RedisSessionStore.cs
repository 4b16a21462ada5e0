using Orleans.Storage;
using StackExchange.Redis;
using TrtOrleans.Grains.Index;

namespace TrtOrleans.Grains.Persistence;

/// <summary>A session in Redis: state string (etag + value), history list of sealed pages, wrapped data key, and its
/// entry in the index shard of its bucket — all under one hash tag, so each script touches one slot. A turn is one
/// EVALSHA: one round trip, atomic, acknowledged only after every write of the turn is in.</summary>
public sealed class RedisSessionStore(IConnectionMultiplexer redis, RedisKeyspace keys) : ISessionStore
{
    // KEYS: 1 state, 2 history, 3 data key, 4 index shard, 5 summary shard.
    // ARGV: 1 expected etag ('' = create), 2 state value, 3 ttl s, 4 pages kept, 5 wrapped key ('' = keep),
    //       6 session id, 7 score (unix ms), 8 summary, 9.. new pages, oldest first.
    private const string CommitScript = """
        local current = redis.call('GETRANGE', KEYS[1], 0, 7)
        if current ~= ARGV[1] then return redis.error_reply('TRT_ETAG_MISMATCH') end
        if ARGV[1] == '' then redis.call('DEL', KEYS[2], KEYS[3]) end
        redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
        if #ARGV >= 9 then
          for i = 9, #ARGV do redis.call('LPUSH', KEYS[2], ARGV[i]) end
          redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[4]) - 1)
        end
        redis.call('EXPIRE', KEYS[2], ARGV[3])
        if ARGV[5] ~= '' then redis.call('SET', KEYS[3], ARGV[5], 'EX', ARGV[3]) else redis.call('EXPIRE', KEYS[3], ARGV[3]) end
        redis.call('ZADD', KEYS[4], ARGV[7], ARGV[6])
        redis.call('HSET', KEYS[5], ARGV[6], ARGV[8])
        return 1
        """;

    // Everything of the session in one step: no state without history or history without state is ever visible.
    private const string EraseScript = """
        redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
        redis.call('ZREM', KEYS[4], ARGV[1])
        redis.call('HDEL', KEYS[5], ARGV[1])
        return 1
        """;

    private readonly IDatabase _db = redis.GetDatabase();

    public async Task<StoredSession?> ReadAsync(string sessionId)
    {
        var batch = _db.CreateBatch();
        var state = batch.StringGetAsync(keys.StateKey(sessionId));
        var key = batch.StringGetAsync(keys.DataKeyKey(sessionId));
        batch.Execute();
        var value = await state;
        var wrapped = await key;
        if (value.IsNull)
        {
            return null;
        }

        var bytes = (byte[])value!;
        return new StoredSession(System.Text.Encoding.ASCII.GetString(bytes, 0, 8), bytes[8..], wrapped.IsNull ? null : (byte[])wrapped!);
    }

    public async Task CommitAsync(string sessionId, SessionCommit commit)
    {
        var shard = keys.ShardOf(sessionId);
        var etag = System.Text.Encoding.ASCII.GetBytes(commit.NewEtag);
        var args = new List<RedisValue>(8 + commit.Pages.Count)
        {
            commit.ExpectedEtag ?? "",
            (byte[])[.. etag, .. commit.State],
            (long)commit.Ttl.TotalSeconds,
            commit.KeepPages,
            commit.WrappedKey ?? [],
            sessionId,
            commit.Summary.LastInteraction.ToUnixTimeMilliseconds(),
            RedisSessionIndex.Encode(commit.Summary),
        };
        args.AddRange(commit.Pages.Select(p => (RedisValue)p));
        try
        {
            await _db.ScriptEvaluateAsync(CommitScript, [.. SessionKeys(sessionId, shard)], [.. args]);
        }
        catch (RedisServerException ex) when (ex.Message.Contains("TRT_ETAG_MISMATCH", StringComparison.Ordinal))
        {
            throw new InconsistentStateException("The session was written by another activation.", "", commit.ExpectedEtag ?? "");
        }
    }

    public Task EraseAsync(string sessionId) =>
        _db.ScriptEvaluateAsync(EraseScript, [.. SessionKeys(sessionId, keys.ShardOf(sessionId))], [sessionId]);

    public async Task<IReadOnlyList<byte[]>> ReadPagesAsync(string sessionId)
    {
        var pages = await _db.ListRangeAsync(keys.HistoryKey(sessionId));
        return [.. pages.Select(p => (byte[])p!)];
    }

    private RedisKey[] SessionKeys(string sessionId, int shard) =>
    [
        keys.StateKey(sessionId),
        keys.HistoryKey(sessionId),
        keys.DataKeyKey(sessionId),
        keys.IndexKey(shard),
        keys.SummaryKey(shard),
    ];
}
