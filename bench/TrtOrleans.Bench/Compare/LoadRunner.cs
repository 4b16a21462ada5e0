using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace TrtOrleans.Bench.Compare;

/// <summary>Result of one load run: measured window only (warm-up excluded).</summary>
internal sealed record LoadResult(int Turns, double Seconds, Stats Latency, int Errors, string ErrorKinds, double ClientCpuUsPerTurn)
{
    /// <summary>Open loop: where the slow turns were (the measured second with the slowest turn, and how many turns
    /// took over 50 ms), so a stall can be told from a uniformly slow run.</summary>
    public string? Stalls { get; init; }

    public double PerSecond => Seconds > 0 ? Turns / Seconds : 0;
}

/// <summary>The load generator: one HttpClient over SocketsHttpHandler, request bodies from <see cref="SessionPool"/>.
/// Closed loop: C workers, each sends the next turn as soon as the previous one is answered (capacity).
/// Open loop: turns are started on a fixed schedule whatever the answers do, and latency counts from the scheduled
/// start, so a stall shows up as latency instead of silently lowering the offered rate.</summary>
internal sealed class LoadRunner(Uri baseUrl, int connections) : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = Math.Max(connections, 512),
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
    })
    { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };

    private readonly Uri _input = new(baseUrl, "/api/v1/input");

    public async Task<LoadResult> ClosedLoopAsync(SessionPool pool, int workers, TimeSpan warmup, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var measureFrom = warmup;
        var end = warmup + duration;
        var samples = new List<double>[workers];
        var errors = new ErrorCounter();
        var cpuAtStart = TimeSpan.Zero;
        var cpuTaken = 0;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var mine = samples[w] = new List<double>(65_536);
            while (clock.Elapsed < end)
            {
                if (clock.Elapsed >= measureFrom && Interlocked.Exchange(ref cpuTaken, 1) == 0)
                {
                    cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
                }

                var session = pool.Take();
                if (session is null)
                {
                    await Task.Yield(); // every session in flight: more workers than sessions
                    continue;
                }

                var started = clock.Elapsed;
                var ok = await SendAsync(pool.NextBody(session), errors, started >= measureFrom);
                pool.Return(session);
                if (started >= measureFrom && clock.Elapsed <= end && ok)
                {
                    mine.Add((clock.Elapsed - started).TotalMicroseconds);
                }
            }
        })));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart;
        var all = samples.SelectMany(s => s).ToList();
        return new LoadResult(all.Count, duration.TotalSeconds, Stats.Of(all), errors.Total, errors.ToString(),
            all.Count == 0 ? 0 : cpu.TotalMicroseconds / all.Count);
    }

    public async Task<LoadResult> OpenLoopAsync(SessionPool pool, double ratePerSecond, TimeSpan settle, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var end = settle + duration;
        var samples = new List<double>(65_536);
        var slowest = new double[(int)Math.Ceiling(end.TotalSeconds) + 1]; // per second of the schedule: slowest turn, µs
        var over50Ms = 0;
        var errors = new ErrorCounter();
        var inFlight = new List<Task>(65_536);
        var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        var cpuTaken = false;
        // The schedule runs on its own thread, not on the thread pool: a pooled timer continuation queues behind the
        // answers being processed and started turns in bursts several milliseconds late, which counted as latency.
        // Thread.Sleep(1) wakes about every 1.1 ms here, so a turn starts at most about a millisecond after its time
        // (that lag still counts, so the figure errs high, never low).
        var paced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pacer = new Thread(() =>
        {
            long sent = 0;
            while (clock.Elapsed < end)
            {
                var due = (long)(clock.Elapsed.TotalSeconds * ratePerSecond);
                for (; sent < due; sent++)
                {
                    var scheduled = TimeSpan.FromSeconds(sent / ratePerSecond);
                    var measured = scheduled >= settle;
                    if (measured && !cpuTaken)
                    {
                        cpuTaken = true;
                        cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
                    }

                    inFlight.Add(OneAsync(scheduled, measured));
                }

                Thread.Sleep(1);
            }

            paced.SetResult();
        })
        { IsBackground = true, Name = "open-loop schedule" };
        pacer.Start();
        await paced.Task;
        await Task.WhenAll(inFlight);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart;
        var worst = Enumerable.Range(0, slowest.Length).MaxBy(i => slowest[i]);
        return new LoadResult(samples.Count, duration.TotalSeconds, Stats.Of(samples), errors.Total, errors.ToString(),
            samples.Count == 0 ? 0 : cpu.TotalMicroseconds / samples.Count)
        {
            Stalls = string.Create(CultureInfo.InvariantCulture,
                $"slowest turn {slowest[worst] / 1000:F0} ms at second {worst - settle.TotalSeconds:F0}, {over50Ms} turns over 50 ms"),
        };

        async Task OneAsync(TimeSpan scheduled, bool measured)
        {
            var session = pool.Take();
            if (session is null)
            {
                errors.Add("no idle session");
                return;
            }

            var ok = await SendAsync(pool.NextBody(session), errors, measured);
            pool.Return(session);
            if (measured && ok)
            {
                var latency = (clock.Elapsed - scheduled).TotalMicroseconds;
                lock (samples)
                {
                    samples.Add(latency);
                    var second = (int)scheduled.TotalSeconds;
                    slowest[second] = Math.Max(slowest[second], latency);
                    over50Ms += latency > 50_000 ? 1 : 0;
                }
            }
        }
    }

    /// <summary>Sends <paramref name="turns"/> turns as fast as <paramref name="workers"/> connections allow (the
    /// pool hands out sessions in order, so N turns over N sessions give each its first turn). Not measured.</summary>
    public async Task FillAsync(SessionPool pool, int turns, int workers)
    {
        var left = turns;
        var errors = new ErrorCounter();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Decrement(ref left) >= 0)
            {
                var session = pool.Take()!;
                await SendAsync(pool.NextBody(session), errors, count: true);
                pool.Return(session);
            }
        })));
        if (errors.Total > 0)
        {
            Console.WriteLine($"fill errors: {errors}");
        }
    }

    /// <summary>One turn; false (and counted when <paramref name="count"/>) unless the answer is 2xx.</summary>
    public async Task<bool> SendAsync(byte[] body, ErrorCounter errors, bool count)
    {
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = JsonType;
            using var response = await _http.PostAsync(_input, content);
            await response.Content.CopyToAsync(Stream.Null);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            if (count)
            {
                errors.Add($"HTTP {(int)response.StatusCode}");
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            if (count)
            {
                errors.Add(ex.GetType().Name);
            }
        }

        return false;
    }

    public void Dispose() => _http.Dispose();
}
