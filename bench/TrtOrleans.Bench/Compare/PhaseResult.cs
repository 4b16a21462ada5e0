using System.Globalization;
using System.Text;

namespace TrtOrleans.Bench.Compare;

/// <summary>One measured phase of one system (product or baseline): capacity from the closed loop, latency from the
/// open loop at half that capacity, and the per-turn costs sampled over the closed loop's measured window.</summary>
internal sealed record PhaseResult(
    string System,
    LoadResult Closed,
    LoadResult? Open,
    double OpenRate,
    IReadOnlyDictionary<string, double> CpuUsPerTurn,
    double AofBytesPerTurn,
    double RedisCommandsPerTurn,
    int LateLines)
{
    public double P50Ms => Closed.Latency.MedianUs / 1000;

    public double P99Ms => Closed.Latency.P99Us / 1000;

    public double P99HalfLoadMs => (Open?.Latency.P99Us ?? 0) / 1000;

    public int Errors => Closed.Errors + (Open?.Errors ?? 0);

    public override string ToString()
    {
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"{System,-9} closed loop: {Closed.PerSecond,7:F0} turns/s  p50 {P50Ms,6:F1} ms  p99 {P99Ms,6:F1} ms");
        if (Open is not null)
        {
            s.Append(CultureInfo.InvariantCulture, $" | open loop at {OpenRate:F0}/s: p50 {Open.Latency.MedianUs / 1000:F1} ms  p99 {P99HalfLoadMs:F1} ms ({Open.Stalls})");
        }

        s.Append(CultureInfo.InvariantCulture, $" | errors {Errors}");
        if (Errors > 0)
        {
            s.Append(CultureInfo.InvariantCulture, $" ({Closed.ErrorKinds}; open: {Open?.ErrorKinds ?? "-"})");
        }

        s.AppendLine();
        s.Append(CultureInfo.InvariantCulture, $"{"",-9} CPU µs/turn: ");
        s.Append(string.Join("  ", CpuUsPerTurn.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value:F0}"))));
        s.Append(CultureInfo.InvariantCulture, $" | Redis: {RedisCommandsPerTurn:F1} commands/turn, AOF {AofBytesPerTurn:F0} B/turn");
        if (LateLines > 0)
        {
            s.Append(CultureInfo.InvariantCulture, $" | {LateLines} lines generated during the run");
        }

        return s.ToString();
    }
}
