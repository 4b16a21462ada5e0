using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using TrtOrleans.Grains.Interfaces;

namespace TrtOrleans.Grains.Safety;

/// <summary>The audit chain in Redis: a list of JSON records (append-only: the product only RPUSHes and, for
/// retention, pops from the front), a head {seq, hash}, an anchor for the first record kept, an event-id index for
/// idempotent appends, and per-session lists of sequence numbers that expire with the retention.
/// All its keys share the "{audit}" hash tag, so its scripts run on one Redis Cluster slot.</summary>
public sealed class RedisAuditTrail(IConnectionMultiplexer redis, Persistence.RedisKeyspace keys, IOptions<AuditOptions> options) : IAuditTrail
{
    private string ChainKey => keys.AuditKey("chain");

    private string HeadKey => keys.AuditKey("head");

    private string AnchorKey => keys.AuditKey("anchor");

    private string IdsKey => keys.AuditKey("ids");

    private string SessionKeyPrefix => keys.AuditKey("session:");

    private const int MaxAttempts = 100;
    private const int Page = 1000;

    // Appends only if the head is still the one the record was linked to (another silo may have appended meanwhile)
    // and the event is not in the log yet. -1: already there; -2: head moved, link again.
    private const string AppendScript = """
        if redis.call('HEXISTS', KEYS[3], ARGV[1]) == 1 then return -1 end
        local seq = tonumber(redis.call('HGET', KEYS[2], 'seq') or '0')
        if seq ~= tonumber(ARGV[2]) then return -2 end
        redis.call('RPUSH', KEYS[1], ARGV[3])
        redis.call('HSET', KEYS[2], 'seq', seq + 1, 'hash', ARGV[4])
        redis.call('HSET', KEYS[3], ARGV[1], seq + 1)
        redis.call('RPUSH', KEYS[4], seq + 1)
        redis.call('EXPIRE', KEYS[4], ARGV[5])
        return seq + 1
        """;

    // Pops the first record only if it is still the one the trimmer looked at.
    private const string PopScript = """
        if redis.call('LINDEX', KEYS[1], 0) ~= ARGV[1] then return 0 end
        redis.call('LPOP', KEYS[1])
        redis.call('HSET', KEYS[2], 'seq', ARGV[2], 'hash', ARGV[3])
        redis.call('HDEL', KEYS[3], ARGV[4])
        return 1
        """;

    private readonly IDatabase _db = redis.GetDatabase();

    public async Task AppendAsync(IReadOnlyList<AuditDraft> drafts)
    {
        var ttl = ((long)options.Value.Retention.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        foreach (var draft in drafts)
        {
            for (var attempt = 0; ; attempt++)
            {
                var head = await _db.HashGetAsync(HeadKey, ["seq", "hash"]);
                var seq = head[0].IsNull ? 0 : (long)head[0];
                var entry = AuditChain.Link(draft, seq + 1, head[1].IsNull ? AuditChain.Genesis : (string)head[1]!);
                var result = (long)await _db.ScriptEvaluateAsync(AppendScript,
                    [ChainKey, HeadKey, IdsKey, SessionKeyPrefix + draft.SessionRef],
                    [draft.EventId, seq, AuditChain.Serialize(entry), entry.Hash, ttl]);
                if (result != -2)
                {
                    break;
                }

                if (attempt >= MaxAttempts)
                {
                    throw new InvalidOperationException("The audit chain head kept moving; the append will be retried.");
                }
            }
        }
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadSessionAsync(string sessionRef, int limit)
    {
        var seqs = await _db.ListRangeAsync(SessionKeyPrefix + sessionRef, 0, limit - 1);
        var (firstSeq, _) = await AnchorAsync();
        var result = new List<AuditEntry>(seqs.Length);
        foreach (var value in seqs)
        {
            var seq = (long)value;
            if (seq < firstSeq)
            {
                continue; // dropped by retention
            }

            if (await _db.ListGetByIndexAsync(ChainKey, seq - firstSeq) is { IsNull: false } json && AuditChain.Deserialize(json!) is { } entry)
            {
                result.Add(entry);
            }
        }

        return result;
    }

    public async Task<AuditVerification> VerifyAsync()
    {
        var (firstSeq, anchor) = await AnchorAsync();
        var records = new List<AuditEntry?>();
        for (long start = 0; ; start += Page)
        {
            var page = await _db.ListRangeAsync(ChainKey, start, start + Page - 1);
            records.AddRange(page.Select(v => AuditChain.Deserialize(v!)));
            if (page.Length < Page)
            {
                break;
            }
        }

        return AuditChain.Verify(records, firstSeq, anchor);
    }

    public async Task<int> TrimAsync(DateTimeOffset before)
    {
        var dropped = 0;
        while (await _db.ListGetByIndexAsync(ChainKey, 0) is { IsNull: false } first)
        {
            var entry = AuditChain.Deserialize(first!);
            if (entry is null || entry.Timestamp >= before)
            {
                return dropped; // a damaged first record is kept for verification to report
            }

            var popped = (long)await _db.ScriptEvaluateAsync(PopScript, [ChainKey, AnchorKey, IdsKey],
                [first, entry.Seq + 1, entry.Hash, entry.EventId]);
            dropped += (int)popped;
        }

        return dropped;
    }

    private async Task<(long FirstSeq, string AnchorHash)> AnchorAsync()
    {
        var anchor = await _db.HashGetAsync(AnchorKey, ["seq", "hash"]);
        return anchor[0].IsNull ? (1, AuditChain.Genesis) : ((long)anchor[0], (string)anchor[1]!);
    }
}
