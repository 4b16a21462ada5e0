using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace TrtOrleans.Bench.Compare;

/// <summary>The RESULT object: the issue's fields first (product figures are means over the pairs), then what the
/// capacity model needs (CPU µs per turn per process, AOF bytes and Redis commands per turn) and the run's context.</summary>
internal static class ResultJson
{
    public static Dictionary<string, object?> Build(CompareOptions o, List<PhaseResult> product,
        List<PhaseResult> baseline, SessionMemory.Usage memory, PhaseResult? scale)
    {
        double Mean(List<PhaseResult> phases, Func<PhaseResult, double> f) => phases.Count == 0 ? 0 : phases.Average(f);
        var tps = Mean(product, p => p.Closed.PerSecond);
        var btps = Mean(baseline, p => p.Closed.PerSecond);
        var p99 = Mean(product, p => p.P99Ms);
        var bp99 = Mean(baseline, p => p.P99Ms);
        var result = new Dictionary<string, object?>
        {
            ["turns_per_s"] = Round(tps),
            ["p50_ms"] = Round(Mean(product, p => p.P50Ms), 2),
            ["p99_ms"] = Round(p99, 2),
            ["p99_half_load_ms"] = Round(Mean(product, p => p.P99HalfLoadMs), 2),
            ["errors"] = product.Sum(p => p.Errors),
            ["redis_bytes_per_session"] = memory.ProductBytes,
            ["baseline_turns_per_s"] = baseline.Count == 0 ? null : Round(btps),
            ["ratio_turns_per_s"] = baseline.Count == 0 ? null : Round(tps / btps, 2),
            ["ratio_p99"] = baseline.Count == 0 ? null : Round(p99 / bp99, 2),
            ["inputs"] = "novel",
            ["baseline_p50_ms"] = baseline.Count == 0 ? null : Round(Mean(baseline, p => p.P50Ms), 2),
            ["baseline_p99_ms"] = baseline.Count == 0 ? null : Round(bp99, 2),
            ["baseline_p99_half_load_ms"] = baseline.Count == 0 ? null : Round(Mean(baseline, p => p.P99HalfLoadMs), 2),
            ["baseline_errors"] = baseline.Count == 0 ? null : baseline.Sum(p => p.Errors),
            ["baseline_redis_bytes_per_session"] = baseline.Count == 0 ? null : memory.BaselineBytes,
            ["cpu_us_per_turn"] = MeanCosts(product),
            ["baseline_cpu_us_per_turn"] = baseline.Count == 0 ? null : MeanCosts(baseline),
            ["aof_bytes_per_turn"] = Round(Mean(product, p => p.AofBytesPerTurn)),
            ["redis_commands_per_turn"] = Round(Mean(product, p => p.RedisCommandsPerTurn), 1),
            ["baseline_aof_bytes_per_turn"] = baseline.Count == 0 ? null : Round(Mean(baseline, p => p.AofBytesPerTurn)),
            ["baseline_redis_commands_per_turn"] = baseline.Count == 0 ? null : Round(Mean(baseline, p => p.RedisCommandsPerTurn), 1),
            ["sessions"] = o.Sessions,
            ["scale_sessions"] = scale is null ? null : o.ScaleSessions,
            ["turns_per_s_at_scale"] = scale is null ? null : Round(scale.Closed.PerSecond),
            ["scale_ratio"] = scale is null ? null : Round(scale.Closed.PerSecond / tps, 2),
            ["stack"] = o.Target is null ? o.Stack : "target",
            ["connections"] = o.Connections,
            ["duration_s"] = o.DurationSeconds,
            ["warmup_s"] = o.WarmupSeconds,
            ["pairs"] = o.Pairs,
            ["rate_limit_per_min"] = o.Target is null ? o.RateLimit : null,
            ["appendfsync"] = o.Target is null ? o.AppendFsync : null,
            ["smoke"] = o.Smoke,
            ["cores"] = Environment.ProcessorCount,
            ["load_avg_1m"] = LoadAverage(),
            ["commit"] = Commit(),
            ["utc"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        };
        return result;
    }

    /// <summary>A few plain lines under the pairs: which targets of the issue the figures meet.</summary>
    public static string Explain(Dictionary<string, object?> r)
    {
        static double D(object? v) => v is null ? double.NaN : Convert.ToDouble(v, CultureInfo.InvariantCulture);
        string Check(string what, bool met, string figure) => $"  {(met ? "met    " : "NOT met")}  {what}: {figure}";
        var s = new StringBuilder($"targets (2-core box, AOF {r["appendfsync"] ?? "of the target"}, novel inputs; they are set for everysec):\n");
        s.AppendLine(Check("turns/s >= 4,000", D(r["turns_per_s"]) >= 4000, $"{r["turns_per_s"]}"));
        if (r["ratio_turns_per_s"] is not null)
        {
            s.AppendLine(Check("product/baseline turns/s >= 2x", D(r["ratio_turns_per_s"]) >= 2, $"{r["ratio_turns_per_s"]}x"));
            s.AppendLine(Check("product/baseline p99 <= 0.5x", D(r["ratio_p99"]) <= 0.5, $"{r["ratio_p99"]}x"));
        }

        s.AppendLine(Check("p99 at 50 % of capacity <= 10 ms", D(r["p99_half_load_ms"]) <= 10, $"{r["p99_half_load_ms"]} ms"));
        s.AppendLine(Check("Redis per 50-exchange session <= 12 KB", D(r["redis_bytes_per_session"]) is > 0 and <= 12 * 1024, $"{r["redis_bytes_per_session"]} B"));
        if (r["scale_ratio"] is not null)
        {
            s.AppendLine(Check($"{r["scale_sessions"]} sessions >= 90 % of the {r["sessions"]}-session throughput", D(r["scale_ratio"]) >= 0.9, $"{r["scale_ratio"]}x"));
        }

        s.Append(Check("errors = 0", D(r["errors"]) == 0, $"{r["errors"]}"));
        return s.ToString();
    }

    private static Dictionary<string, double> MeanCosts(List<PhaseResult> phases) =>
        phases.SelectMany(p => p.CpuUsPerTurn).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => Round(g.Average(kv => kv.Value)));

    private static double Round(double v, int digits = 0) => double.IsFinite(v) ? Math.Round(v, digits) : 0;

    private static string? LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string Commit()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse --short HEAD")
            {
                WorkingDirectory = BenchStack.RepoRoot(), RedirectStandardOutput = true, RedirectStandardError = true,
            })!;
            var sha = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? sha : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
