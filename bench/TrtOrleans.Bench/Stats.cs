using System.Diagnostics;

namespace TrtOrleans.Bench;

/// <summary>Percentiles of a set of timings, in microseconds.</summary>
internal sealed record Stats(int Count, double MedianUs, double P90Us, double P99Us, double MeanUs)
{
    public static Stats Of(List<double> microseconds)
    {
        var sorted = microseconds.Order().ToArray();
        double At(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Floor(q * sorted.Length))];
        return new Stats(sorted.Length, At(0.5), At(0.9), At(0.99), sorted.Length == 0 ? 0 : sorted.Average());
    }

    public static double ElapsedUs(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalMicroseconds;

    public override string ToString() =>
        $"n={Count,6}  median={MedianUs,9:F1} µs  p90={P90Us,9:F1} µs  p99={P99Us,9:F1} µs  mean={MeanUs,9:F1} µs";
}
