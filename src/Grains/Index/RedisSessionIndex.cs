using StackExchange.Redis;
using TrtOrleans.Grains.Interfaces;

namespace TrtOrleans.Grains.Index;

/// <summary>A sorted set scored by last interaction (unix ms) plus a hash of summaries, as the plan's
/// trt:active_sessions. Both are bounded by the number of live sessions: entries leave with erase, expiry and the
/// cleanup job. Listing is ZRANGE BYSCORE REV LIMIT + HMGET: O(log n + limit), independent of the set's size.</summary>
public sealed class RedisSessionIndex(IConnectionMultiplexer redis) : ISessionIndex
{
    public const string IndexKey = "trt:active_sessions";
    public const string SummaryKey = "trt:active_sessions:summary";

    /// <summary>Prefix of the per-client sorted sets (same members and scores as the index, one set per client id):
    /// the session quota counts one client's live sessions without scanning everybody's.</summary>
    public const string ClientKeyPrefix = "trt:active_sessions:client:";

    public static string ClientKey(string sessionKey) => ClientKeyPrefix + SessionKey.Parse(sessionKey).ClientId;

    private readonly IDatabase _db = redis.GetDatabase();

    public Task TouchAsync(SessionSummary summary)
    {
        var batch = _db.CreateBatch();
        var add = batch.SortedSetAddAsync(IndexKey, summary.SessionId, summary.LastInteraction.ToUnixTimeMilliseconds());
        var set = batch.HashSetAsync(SummaryKey, summary.SessionId, Encode(summary));
        var client = batch.SortedSetAddAsync(ClientKey(summary.SessionId), summary.SessionId, summary.LastInteraction.ToUnixTimeMilliseconds());
        batch.Execute();
        return Task.WhenAll(add, set, client);
    }

    public Task RemoveAsync(string sessionId)
    {
        var batch = _db.CreateBatch();
        var remove = batch.SortedSetRemoveAsync(IndexKey, sessionId);
        var delete = batch.HashDeleteAsync(SummaryKey, sessionId);
        var client = batch.SortedSetRemoveAsync(ClientKey(sessionId), sessionId);
        batch.Execute();
        return Task.WhenAll(remove, delete, client);
    }

    public async Task<IReadOnlyList<SessionSummary>> ListRecentAsync(int limit, DateTimeOffset since)
    {
        var ids = await _db.SortedSetRangeByScoreAsync(
            IndexKey, since.ToUnixTimeMilliseconds(), double.PositiveInfinity, Exclude.None, Order.Descending, 0, limit);
        if (ids.Length == 0)
        {
            return [];
        }

        var values = await _db.HashGetAsync(SummaryKey, ids);
        var result = new List<SessionSummary>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            if (!values[i].IsNullOrEmpty && Decode((string)ids[i]!, (string)values[i]!) is { } summary)
            {
                result.Add(summary);
            }
        }

        return result;
    }

    public async Task<IReadOnlyList<string>> ListInactiveAsync(DateTimeOffset before, int limit)
    {
        var ids = await _db.SortedSetRangeByScoreAsync(
            IndexKey, double.NegativeInfinity, before.ToUnixTimeMilliseconds(), Exclude.Stop, Order.Ascending, 0, limit);
        return [.. ids.Select(i => (string)i!)];
    }

    public Task<long> CountAsync() => _db.SortedSetLengthAsync(IndexKey);

    public Task<long> CountForClientAsync(string clientId, DateTimeOffset since) =>
        _db.SortedSetLengthAsync(ClientKeyPrefix + clientId, since.ToUnixTimeMilliseconds(), double.PositiveInfinity);

    // Compact "substate|turn|status|unix-ms": a million sessions stay small, and nothing sensitive is stored.
    private static string Encode(SessionSummary s) =>
        $"{s.CurrentSubstate}|{s.TurnCount}|{s.Status}|{s.LastInteraction.ToUnixTimeMilliseconds()}";

    private static SessionSummary? Decode(string id, string value)
    {
        var parts = value.Split('|');
        if (parts.Length != 4 || !int.TryParse(parts[1], out var turns) || !long.TryParse(parts[3], out var ms))
        {
            return null;
        }

        return new SessionSummary(id, parts[0], DateTimeOffset.FromUnixTimeMilliseconds(ms), turns, parts[2]);
    }
}
