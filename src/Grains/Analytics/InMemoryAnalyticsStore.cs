namespace TrtOrleans.Grains.Analytics;

/// <summary>Process-local analytics for the embedded developer mode.</summary>
public sealed class InMemoryAnalyticsStore : IAnalyticsStore
{
    private readonly Dictionary<DateOnly, Dictionary<string, long>> _days = [];
    private readonly Lock _lock = new();

    public Task AddAsync(IReadOnlyDictionary<DateOnly, IReadOnlyDictionary<string, long>> deltas)
    {
        lock (_lock)
        {
            foreach (var (day, fields) in deltas)
            {
                if (!_days.TryGetValue(day, out var record))
                {
                    _days[day] = record = [];
                }

                foreach (var (field, delta) in fields)
                {
                    record[field] = record.GetValueOrDefault(field) + delta;
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, long>?> GetDayAsync(DateOnly day)
    {
        lock (_lock)
        {
            IReadOnlyDictionary<string, long>? copy = _days.TryGetValue(day, out var record) ? new Dictionary<string, long>(record) : null;
            return Task.FromResult(copy);
        }
    }
}
