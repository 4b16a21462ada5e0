using System.Globalization;

namespace TrtOrleans.Bench.Compare;

/// <summary>Command line of <c>trt-bench compare</c>.</summary>
internal sealed record CompareOptions
{
    public const string Usage =
        "compare [--stack local-cluster|embedded | --target URL [--redis URL]] [--duration 20] [--warmup 15] [--sessions 1000]\n" +
        "        [--connections 32] [--pairs 2] [--rate-limit 1000000] [--appendfsync everysec|always|no]\n" +
        "        [--no-build] [--no-baseline] [--smoke]";

    public string Stack { get; init; } = "local-cluster";

    public Uri? Target { get; init; }

    public string? Redis { get; init; }

    public int DurationSeconds { get; init; } = 20;

    public int WarmupSeconds { get; init; } = 15;

    /// <summary>Sessions of the A/B pairs (at most 1,000); a larger --sessions adds the at-scale run.</summary>
    public int Sessions { get; init; } = 1000;

    public int ScaleSessions { get; init; }

    public int Connections { get; init; } = 32;

    public int Pairs { get; init; } = 2;

    /// <summary>Sessions:RateLimit for the stacks this tool starts (inputs a session may send per minute).</summary>
    public int RateLimit { get; init; } = 1_000_000;

    /// <summary>Redis appendfsync of the Redis the tool starts (both stacks share it).</summary>
    public string AppendFsync { get; init; } = "everysec";

    public bool NoBuild { get; init; }

    public bool NoBaseline { get; init; }

    public bool Smoke { get; init; }

    public static CompareOptions Parse(string[] args)
    {
        string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        int Int(string name, int fallback) => Arg(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

        var smoke = args.Contains("--smoke");
        var sessions = Int("--sessions", smoke ? 200 : 1000);
        return new CompareOptions
        {
            Stack = Arg("--stack") ?? "local-cluster",
            Target = Arg("--target") is { } t ? new Uri(t) : null,
            Redis = Arg("--redis"),
            DurationSeconds = Int("--duration", smoke ? 2 : 20),
            WarmupSeconds = Int("--warmup", smoke ? 1 : 15),
            Sessions = Math.Min(sessions, 1000),
            ScaleSessions = sessions > 1000 ? sessions : 0,
            Connections = Int("--connections", smoke ? 8 : 32),
            Pairs = Int("--pairs", smoke ? 1 : 2),
            RateLimit = Int("--rate-limit", 1_000_000),
            NoBuild = args.Contains("--no-build"),
            NoBaseline = args.Contains("--no-baseline"),
            AppendFsync = Arg("--appendfsync") is { } fsync
                ? fsync is "everysec" or "always" or "no" ? fsync : throw new ArgumentException("--appendfsync must be everysec, always or no")
                : "everysec",
            Smoke = smoke,
        };
    }
}
