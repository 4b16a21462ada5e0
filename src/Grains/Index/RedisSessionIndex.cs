using StackExchange.Redis;
using TrtOrleans.Grains.Interfaces;
using TrtOrleans.Grains.Persistence;

namespace TrtOrleans.Grains.Index;

/// <summary>The active-sessions index, sharded by the sessions' hash-tag buckets: per bucket a sorted set scored by
/// last interaction (unix ms) and a hash of summaries, written by the turn's own script (same slot as the session's
/// keys). Reads ask every shard in one pipelined round trip and merge: listing costs O(shards × (log n + limit)),
/// independent of the number of sessions. With <paramref name="includeLegacy"/> the index of the previous layout is
/// read as one more shard until its sessions are moved or cleaned up.</summary>
public sealed class RedisSessionIndex(IConnectionMultiplexer redis, RedisKeyspace keys, bool includeLegacy = false) : ISessionIndex
{
    private readonly IDatabase _db = redis.GetDatabase();

    public Task TouchAsync(SessionSummary summary)
    {
        var shard = keys.ShardOf(summary.SessionId);
        var batch = _db.CreateBatch();
        var add = batch.SortedSetAddAsync(keys.IndexKey(shard), summary.SessionId, summary.LastInteraction.ToUnixTimeMilliseconds());
        var set = batch.HashSetAsync(keys.SummaryKey(shard), summary.SessionId, Encode(summary));
        batch.Execute();
        return Task.WhenAll(add, set);
    }

    public Task RemoveAsync(string sessionId)
    {
        var shard = keys.ShardOf(sessionId);
        var batch = _db.CreateBatch();
        var tasks = new List<Task>
        {
            batch.SortedSetRemoveAsync(keys.IndexKey(shard), sessionId),
            batch.HashDeleteAsync(keys.SummaryKey(shard), sessionId),
            batch.SetRemoveAsync(keys.ClientSessionsKey(SessionKey.Parse(sessionId).ClientId), sessionId),
        };
        if (includeLegacy)
        {
            tasks.Add(batch.SortedSetRemoveAsync(LegacySessionLayout.IndexKey, sessionId));
            tasks.Add(batch.HashDeleteAsync(LegacySessionLayout.SummaryKey, sessionId));
        }

        batch.Execute();
        return Task.WhenAll(tasks);
    }

    public Task TrackClientAsync(string sessionId) =>
        _db.SetAddAsync(keys.ClientSessionsKey(SessionKey.Parse(sessionId).ClientId), sessionId);

    public Task<long> CountForClientAsync(string clientId) => _db.SetLengthAsync(keys.ClientSessionsKey(clientId));

    public async Task<IReadOnlyList<SessionSummary>> ListRecentAsync(int limit, DateTimeOffset since)
    {
        var top = (await RangeAsync(since.ToUnixTimeMilliseconds(), double.PositiveInfinity, Exclude.None, Order.Descending, limit))
            .OrderByDescending(e => e.Score).DistinctBy(e => e.Id).Take(limit).ToList();
        if (top.Count == 0)
        {
            return [];
        }

        var batch = _db.CreateBatch();
        var lookups = top.GroupBy(e => e.Shard)
            .Select(g => (Ids: g.Select(e => (RedisValue)e.Id).ToArray(), Task: batch.HashGetAsync(g.Key.Summary, [.. g.Select(e => (RedisValue)e.Id)])))
            .ToList();
        batch.Execute();
        var summaries = new Dictionary<string, SessionSummary>();
        foreach (var (ids, task) in lookups)
        {
            var values = await task;
            for (var i = 0; i < ids.Length; i++)
            {
                if (!values[i].IsNullOrEmpty && Decode((string)ids[i]!, (string)values[i]!) is { } summary)
                {
                    summaries[summary.SessionId] = summary;
                }
            }
        }

        return [.. top.Where(e => summaries.ContainsKey(e.Id)).Select(e => summaries[e.Id])];
    }

    public async Task<IReadOnlyList<string>> ListInactiveAsync(DateTimeOffset before, int limit) =>
        [.. (await RangeAsync(double.NegativeInfinity, before.ToUnixTimeMilliseconds(), Exclude.Stop, Order.Ascending, limit))
            .OrderBy(e => e.Score).Take(limit).Select(e => e.Id).Distinct()];

    public async Task<long> CountAsync()
    {
        var batch = _db.CreateBatch();
        var counts = Shards().Select(s => batch.SortedSetLengthAsync(s.Index)).ToList();
        batch.Execute();
        return (await Task.WhenAll(counts)).Sum();
    }

    // Compact "substate|turn|status|unix-ms": a million sessions stay small, and nothing sensitive is stored.
    internal static string Encode(SessionSummary s) =>
        $"{s.CurrentSubstate}|{s.TurnCount}|{s.Status}|{s.LastInteraction.ToUnixTimeMilliseconds()}";

    private async Task<List<Entry>> RangeAsync(double min, double max, Exclude exclude, Order order, int limit)
    {
        var batch = _db.CreateBatch();
        var ranges = Shards()
            .Select(s => (Shard: s, Task: batch.SortedSetRangeByScoreWithScoresAsync(s.Index, min, max, exclude, order, 0, limit)))
            .ToList();
        batch.Execute();
        var entries = new List<Entry>();
        foreach (var (shard, task) in ranges)
        {
            entries.AddRange((await task).Select(e => new Entry((string)e.Element!, e.Score, shard)));
        }

        return entries;
    }

    private IEnumerable<Shard> Shards()
    {
        for (var i = 0; i < keys.Shards; i++)
        {
            yield return new Shard(keys.IndexKey(i), keys.SummaryKey(i));
        }

        if (includeLegacy)
        {
            yield return new Shard(LegacySessionLayout.IndexKey, LegacySessionLayout.SummaryKey);
        }
    }

    private static SessionSummary? Decode(string id, string value)
    {
        var parts = value.Split('|');
        if (parts.Length != 4 || !int.TryParse(parts[1], out var turns) || !long.TryParse(parts[3], out var ms))
        {
            return null;
        }

        return new SessionSummary(id, parts[0], DateTimeOffset.FromUnixTimeMilliseconds(ms), turns, parts[2]);
    }

    private sealed record Shard(RedisKey Index, RedisKey Summary);

    private sealed record Entry(string Id, double Score, Shard Shard);
}
