using StackExchange.Redis;
using TrtOrleans.Grains.Persistence;

namespace TrtOrleans.Grains.Analytics;

/// <summary>The plan's {prefix}analytics:daily:{date} hashes (HINCRBY per field), each with a 30-day TTL.</summary>
public sealed class RedisAnalyticsStore(IConnectionMultiplexer redis, RedisKeyspace keys) : IAnalyticsStore
{
    private readonly IDatabase _db = redis.GetDatabase();

    private string DayKey(DateOnly day) => keys.AnalyticsDayKey(day);

    public async Task AddAsync(IReadOnlyDictionary<DateOnly, IReadOnlyDictionary<string, long>> deltas)
    {
        // MULTI/EXEC: a day's increments and its TTL land together or not at all (a retry then cannot double-count).
        var tx = _db.CreateTransaction();
        var pending = new List<Task>();
        foreach (var (day, fields) in deltas)
        {
            var key = DayKey(day);
            foreach (var (field, delta) in fields)
            {
                pending.Add(tx.HashIncrementAsync(key, field, delta));
            }

            var expiresAt = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(IAnalyticsStore.RetentionDays + 1);
            pending.Add(tx.KeyExpireAsync(key, expiresAt));
        }

        if (!await tx.ExecuteAsync())
        {
            throw new RedisException("Analytics transaction was not executed.");
        }

        await Task.WhenAll(pending);
    }

    public async Task<IReadOnlyDictionary<string, long>?> GetDayAsync(DateOnly day)
    {
        var entries = await _db.HashGetAllAsync(DayKey(day));
        return entries.Length == 0 ? null : entries.ToDictionary(e => (string)e.Name!, e => (long)e.Value);
    }
}
