using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace TrtOrleans.Bench.Compare;

/// <summary><c>trt-bench compare</c>: the product against the plan's design (<see cref="Baseline.PlanBaselineServer"/>)
/// on the same Redis, alternately (A B A B), with novel scripted stage-1 inputs carrying request ids. Prints every
/// phase and pair, the measured per-turn costs, the Redis memory of a 50-exchange session, and last a RESULT line.</summary>
internal static class CompareCommand
{
    public static async Task<int> RunAsync(CompareOptions o)
    {
        try
        {
            return await RunCoreAsync(o);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or ArgumentException)
        {
            // A stack that would not start: say why in one line (its logs are named in the message).
            Console.Error.WriteLine($"compare failed: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> RunCoreAsync(CompareOptions o)
    {
        // Every turn comes from one address, so the gateway's per-client limit (6,000/min by default) is lifted the
        // same way as the per-session limit; both limiters still run on every turn.
        var env = new Dictionary<string, string>
        {
            ["Sessions__RateLimit"] = $"{o.RateLimit}",
            ["Gateway__ClientLimit__PermitsPerMinute"] = $"{o.RateLimit}",
            // Finished conversations are replaced by new sessions all under one client: no live-session quota.
            ["Sessions__MaxLiveSessionsPerClient"] = "0",
        };
        var configuration = typeof(CompareCommand).Assembly.Location.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        Console.WriteLine($"workload: {o.Sessions} sessions, scripted stage-1 conversations of {NovelInputs.Length} turns, every input new text " +
            $"(40-200 chars) with a request_id; closed loop {o.Connections} connections, {o.WarmupSeconds} s warm-up + {o.DurationSeconds} s measured; " +
            $"open loop at 50 % of that capacity, 2 s settle + {o.DurationSeconds} s measured; {o.Pairs} A/B pair(s)");
        if (o.Target is null)
        {
            Console.WriteLine($"rate limit: Sessions:RateLimit and Gateway:ClientLimit:PermitsPerMinute={o.RateLimit}/min for this run (so 1,000 sessions from one load generator can reach capacity; the limiters still run every turn)");
        }

        await using var stack = o.Target is not null ? BenchStack.Target(o.Target, o.Redis)
            : o.Stack == "embedded" ? await BenchStack.EmbeddedAsync(env, configuration, o.AppendFsync)
            : o.Stack == "local-cluster" ? await BenchStack.LocalClusterAsync(env, o.NoBuild, o.AppendFsync)
            : throw new ArgumentException($"unknown --stack {o.Stack}");
        // Stopped with Ctrl-C or SIGTERM: still stop what this run started.
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, StopOnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, StopOnSignal);
        void StopOnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            Console.Error.WriteLine("interrupted: stopping what this run started ...");
            stack.DisposeAsync().AsTask().GetAwaiter().GetResult();
            Environment.Exit(130);
        }

        RedisProbe? redis = stack.RedisUrl is { } url ? await RedisProbe.ConnectAsync(url) : null;
        try
        {
            if (redis is not null && await redis.PidAsync() is { } redisPid && File.Exists($"/proc/{redisPid}/stat"))
            {
                stack.ProductPids["redis"] = redisPid;
            }

            if (!o.NoBaseline && stack.RedisUrl is not null)
            {
                await stack.StartBaselineAsync(BaselineRedisUrl(stack.RedisUrl), env, o.RateLimit);
            }

            Console.WriteLine($"product:  {stack.Description} at {stack.ProductUrl} (pids: {string.Join(", ", stack.ProductPids.Select(p => $"{p.Key} {p.Value}"))})");
            Console.WriteLine(stack.BaselineUrl is null ? "baseline: none (needs --redis)" :
                $"baseline: the plan's design (bench/TrtOrleans.Bench/Baseline/PlanBaselineServer.cs, {configuration} build) at {stack.BaselineUrl}, Redis database 1 (pid {stack.BaselinePid})");
            Console.WriteLine(redis is null ? "redis:    not reachable from the tool (no --redis): no Redis figures" : $"redis:    {await redis.ServerDescriptionAsync()}");
            return await MeasureAsync(o, stack, redis);
        }
        finally
        {
            if (redis is not null)
            {
                await redis.DisposeAsync();
            }
        }
    }

    private static async Task<int> MeasureAsync(CompareOptions o, BenchStack stack, RedisProbe? redis)
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var warmup = TimeSpan.FromSeconds(o.WarmupSeconds);
        var duration = TimeSpan.FromSeconds(o.DurationSeconds);
        var product = new List<PhaseResult>();
        var baseline = new List<PhaseResult>();
        var estimate = 1000.0; // turns/s for the first phase's pre-generated lines; later phases use what was measured
        for (var pair = 1; pair <= o.Pairs; pair++)
        {
            var a = await PhaseAsync("product", stack.ProductUrl, stack.ProductPids, $"bp{run}{pair}", o, redis, estimate, warmup, duration);
            product.Add(a);
            Console.WriteLine($"pair {pair} A {a}");
            estimate = Math.Max(a.Closed.PerSecond * 2, 100); // the next phase may be the faster system
            if (stack.BaselineUrl is not null)
            {
                var pids = new Dictionary<string, int> { ["baseline"] = stack.BaselinePid!.Value };
                if (stack.ProductPids.TryGetValue("redis", out var redisPid))
                {
                    pids["redis"] = redisPid;
                }

                var b = await PhaseAsync("baseline", stack.BaselineUrl, pids, $"bb{run}{pair}", o, redis, estimate, warmup, duration);
                baseline.Add(b);
                Console.WriteLine($"pair {pair} B {b}");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"pair {pair}: product ÷ baseline: turns/s {a.Closed.PerSecond / b.Closed.PerSecond:F2}x, p99 {a.P99Ms / b.P99Ms:F2}x, p99 at 50 % load {a.P99HalfLoadMs / b.P99HalfLoadMs:F2}x"));
            }
        }

        var memory = await SessionMemory.MeasureAsync(stack, redis, run);
        PhaseResult? scale = null;
        if (o.ScaleSessions > 0)
        {
            scale = await ScaleRunAsync(o, stack, redis, run, warmup, duration, Math.Max(product.Average(p => p.Closed.PerSecond) * 2, 100));
        }

        var result = ResultJson.Build(o, product, baseline, memory, scale);
        Console.WriteLine(ResultJson.Explain(result));
        Console.WriteLine("RESULT " + JsonSerializer.Serialize(result));
        return product.Sum(p => p.Closed.Turns) > 0 && (stack.BaselineUrl is null || baseline.Sum(b => b.Closed.Turns) > 0) ? 0 : 1;
    }

    /// <summary>Closed loop (warm-up, then measured with CPU and Redis counters around it), then the open loop at half
    /// the measured capacity.</summary>
    public static async Task<PhaseResult> PhaseAsync(string name, Uri url, IReadOnlyDictionary<string, int> pids, string prefix,
        CompareOptions o, RedisProbe? redis, double estimate, TimeSpan warmup, TimeSpan duration, SessionPool? sessions = null)
    {
        var pool = sessions ?? new SessionPool(prefix, o.Sessions, prefix.GetHashCode(StringComparison.Ordinal));
        pool.Prepare((int)(estimate * 1.2 * (warmup + duration * 1.5).TotalSeconds)); // closed loop + open loop at half rate
        using var load = new LoadRunner(url, o.Connections);
        await load.ClosedLoopAsync(pool, o.Connections, TimeSpan.Zero, warmup);
        var cpu0 = ProcessCpu.Snapshot(pids);
        var redis0 = redis is null ? null : await redis.CountersAsync();
        var closed = await load.ClosedLoopAsync(pool, o.Connections, TimeSpan.Zero, duration);
        var cpu1 = ProcessCpu.Snapshot(pids);
        var redis1 = redis is null ? null : await redis.CountersAsync();
        var turns = Math.Max(closed.Turns, 1);
        var costs = pids.Keys.ToDictionary(k => k, k => (cpu1[k] - cpu0[k]).TotalMicroseconds / turns);
        costs["loadgen"] = closed.ClientCpuUsPerTurn;

        var rate = closed.PerSecond * 0.5;
        var open = rate >= 1 ? await load.OpenLoopAsync(pool, rate, TimeSpan.FromSeconds(2), duration) : null;
        return new PhaseResult(name, closed, open, rate, costs,
            redis0 is null ? 0 : (double)(redis1!.AofBytes - redis0.AofBytes) / turns,
            redis0 is null ? 0 : (double)(redis1!.Commands - redis0.Commands) / turns,
            pool.LinesGeneratedLate);
    }

    /// <summary>--sessions N above 1,000: every one of N sessions gets its first turn (the fill, not measured), then
    /// the product's closed loop runs over all N of them; used_memory before/after the fill gives bytes per session.</summary>
    private static async Task<PhaseResult> ScaleRunAsync(CompareOptions o, BenchStack stack, RedisProbe? redis, string run, TimeSpan warmup, TimeSpan duration, double estimate)
    {
        var prefix = $"bs{run}";
        Console.WriteLine($"filling {o.ScaleSessions:N0} sessions (one turn each) ...");
        var before = redis is null ? null : await redis.CountersAsync();
        var clock = Stopwatch.StartNew();
        var pool = new SessionPool(prefix, o.ScaleSessions, 7);
        pool.Prepare(o.ScaleSessions);
        using (var load = new LoadRunner(stack.ProductUrl, o.Connections))
        {
            await load.FillAsync(pool, o.ScaleSessions, o.Connections);
        }

        var after = redis is null ? null : await redis.CountersAsync();
        var grown = before is null ? "" : string.Create(CultureInfo.InvariantCulture,
            $"; Redis used_memory grew {(after!.UsedMemory - before.UsedMemory) / 1048576.0:F0} MB ({(double)(after.UsedMemory - before.UsedMemory) / o.ScaleSessions:F0} B per one-turn session)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"filled in {clock.Elapsed.TotalSeconds:F0} s{grown}"));
        var phase = await PhaseAsync("product", stack.ProductUrl, stack.ProductPids, prefix, o, redis, estimate, warmup, duration, pool);
        Console.WriteLine($"at {o.ScaleSessions:N0} sessions: {phase}");
        return phase;
    }

    private static string BaselineRedisUrl(string productUrl)
    {
        var uri = new UriBuilder(productUrl) { Path = "/1" };
        return uri.Uri.ToString();
    }
}
