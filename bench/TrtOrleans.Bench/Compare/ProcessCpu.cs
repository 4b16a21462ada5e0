using System.Globalization;

namespace TrtOrleans.Bench.Compare;

/// <summary>CPU time (user + system) a process has used so far, from /proc/&lt;pid&gt;/stat; zero where there is no
/// /proc or the process is gone. Sampled before and after a measured window to get CPU µs per turn.</summary>
internal static class ProcessCpu
{
    // Linux reports utime/stime in clock ticks; USER_HZ is 100 on every mainstream kernel configuration.
    private const double TicksPerSecond = 100;

    public static TimeSpan Of(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) is in parentheses and may contain spaces: count fields after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>Snapshot of several named processes.</summary>
    public static Dictionary<string, TimeSpan> Snapshot(IReadOnlyDictionary<string, int> pids) =>
        pids.ToDictionary(p => p.Key, p => Of(p.Value));
}
