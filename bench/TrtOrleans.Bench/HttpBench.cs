using System.Diagnostics;
using System.Net.Http.Json;

namespace TrtOrleans.Bench;

/// <summary>End-to-end turns through a running gateway: C concurrent clients, each over its own sessions, for a fixed
/// number of turns. Baseline in the same run: GET /health/live through the same client and connections.</summary>
internal static class HttpBench
{
    private static readonly string[] Lines =
    [
        "Hi. Work has been a lot lately.", "I'd like to feel calm again", "yes", "okay", "the deadlines mostly",
        "a tight feeling in my chest", "yes, right now", "every time my inbox fills up", "no, that's all", "sure",
    ];

    public static async Task<int> RunAsync(string baseUrl, int clients, int turns, string? apiKey)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = new Uri(baseUrl) };
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Add("X-API-Key", apiKey);
        }

        var baseline = await LoadAsync(clients, turns, async (_, _) => (await http.GetAsync("/health/live")).IsSuccessStatusCode);
        var run = Guid.NewGuid().ToString("N")[..8];
        // 10 lines per session keeps every session within its limit of 10 inputs a minute.
        var turnsResult = await LoadAsync(clients, turns, async (client, i) =>
        {
            var session = $"bench_{run}_{client}_{i / Lines.Length}";
            var response = await http.PostAsJsonAsync("/api/v1/input", new { session_id = session, user_input = Lines[i % Lines.Length] });
            return response.IsSuccessStatusCode;
        });

        Console.WriteLine($"baseline GET /health/live  {baseline.Stats}  {baseline.PerSecond,8:F0} req/s  errors {baseline.Errors}");
        Console.WriteLine($"POST /api/v1/input (turn)  {turnsResult.Stats}  {turnsResult.PerSecond,8:F0} turns/s  errors {turnsResult.Errors}");
        Console.WriteLine($"ratio turn/baseline (median latency): {turnsResult.Stats.MedianUs / baseline.Stats.MedianUs:F1}x; " +
            $"throughput {turnsResult.PerSecond / baseline.PerSecond:P0} of baseline");
        return turnsResult.Errors == 0 ? 0 : 1;
    }

    private static async Task<(Stats Stats, double PerSecond, int Errors)> LoadAsync(int clients, int total, Func<int, int, Task<bool>> call)
    {
        var perClient = total / clients;
        var samples = new List<double>[clients];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            samples[c] = new List<double>(perClient);
            for (var i = 0; i < perClient; i++)
            {
                var t0 = Stopwatch.GetTimestamp();
                if (!await call(c, i))
                {
                    Interlocked.Increment(ref errors);
                }

                samples[c].Add(Stats.ElapsedUs(t0));
            }
        }));
        var all = samples.SelectMany(s => s).ToList();
        return (Stats.Of(all), all.Count / clock.Elapsed.TotalSeconds, errors);
    }
}
