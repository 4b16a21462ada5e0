using System.Collections.Concurrent;
using System.Globalization;

namespace TrtOrleans.Cluster.Tests;

/// <summary>Steady load from virtual clients, each on its own sessions. Every input has a unique request id; on a 5xx,
/// a connection error or a timeout the client retries it with the SAME request id after a bounded backoff, so a
/// retried input must never become a second turn.</summary>
public sealed class LoadGenerator(TrtApi api, Uri gateway, string runTag, LoadOptions options)
{
    // Plain, benign client lines; each input also carries a unique marker so that history entries can be matched.
    private static readonly string[] Lines =
    [
        "I want to feel calm and settled again",
        "I would like to feel more at ease at work",
        "That sounds like what I am hoping for",
        "I notice some tightness in my shoulders",
        "Right now it feels a bit lighter",
        "I am not sure, maybe a little warmth in my chest",
    ];

    private readonly ConcurrentBag<LoadAttempt> _attempts = [];
    private readonly ConcurrentBag<LoadInput> _inputs = [];

    public string SessionId(int client, int index)
    {
        var block = index / (options.SessionsPerClient * options.InputsPerSession);
        var slot = index % options.SessionsPerClient;
        return $"load-{runTag}-c{client}-s{block * options.SessionsPerClient + slot}";
    }

    /// <summary>Runs until <paramref name="stopIssuing"/> fires (or every client sent its maximum); an input already
    /// started is carried to its end (acknowledged, or given up after the retry budget).</summary>
    public async Task<LoadResult> RunAsync(CancellationToken stopIssuing)
    {
        var clients = Enumerable.Range(0, options.Clients).Select(c => Task.Run(() => ClientAsync(c, stopIssuing), CancellationToken.None));
        await Task.WhenAll(clients);
        return new LoadResult(
            _inputs.OrderBy(i => i.FirstAttemptUtc).ToList(),
            _attempts.OrderBy(a => a.StartedUtc).ToList());
    }

    private async Task ClientAsync(int client, CancellationToken stopIssuing)
    {
        var start = DateTime.UtcNow + TimeSpan.FromMilliseconds(options.Interval.TotalMilliseconds * client / options.Clients);
        for (var i = 0; i < options.MaxInputsPerClient && !stopIssuing.IsCancellationRequested; i++)
        {
            var due = start + options.Interval * i;
            var wait = due - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, stopIssuing);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            await SendOneAsync(client, i);
        }
    }

    private async Task SendOneAsync(int client, int index)
    {
        var sessionId = SessionId(client, index);
        var requestId = $"{runTag}-c{client}-i{index}";
        var text = $"{Lines[(client + index) % Lines.Length]} (ref {client.ToString(CultureInfo.InvariantCulture)}-{index.ToString(CultureInfo.InvariantCulture)})";
        var first = DateTime.UtcNow;
        var attempts = 0;
        for (var backoff = TimeSpan.FromMilliseconds(100); ; backoff = Min(backoff * 2, options.MaxBackoff))
        {
            attempts++;
            var reply = await api.SendInputAsync(gateway, sessionId, text, requestId, options.RequestTimeout);
            _attempts.Add(new LoadAttempt(client, requestId, reply.StartedUtc, reply.Elapsed, reply.Status, reply.Failure));
            if (reply.Ok)
            {
                var turn = reply.Json.GetProperty("turn").GetInt32();
                _inputs.Add(new LoadInput(client, sessionId, requestId, text, attempts, first, turn, DateTime.UtcNow));
                return;
            }

            if (!reply.Retryable || DateTime.UtcNow - first + backoff > options.RetryBudget)
            {
                // 4xx are not retried (none is expected; the test asserts that), and the retry budget is bounded.
                _inputs.Add(new LoadInput(client, sessionId, requestId, text, attempts, first, null, null));
                return;
            }

            await Task.Delay(backoff);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
