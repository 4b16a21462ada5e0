namespace TrtOrleans.Grains.Analytics;

/// <summary>Where daily counters end up: one record per UTC day, kept <see cref="RetentionDays"/> days.</summary>
public interface IAnalyticsStore
{
    public const int RetentionDays = 30;

    /// <summary>Adds the deltas (field → count) to each day's record.</summary>
    Task AddAsync(IReadOnlyDictionary<DateOnly, IReadOnlyDictionary<string, long>> deltas);

    /// <summary>The day's fields, or null when nothing was recorded that day.</summary>
    Task<IReadOnlyDictionary<string, long>?> GetDayAsync(DateOnly day);
}
