namespace TrtOrleans.Cluster.Tests;

/// <summary>Everything a load run saw, and the figures the operations notes quote.</summary>
public sealed class LoadResult(IReadOnlyList<LoadInput> inputs, IReadOnlyList<LoadAttempt> attempts)
{
    public IReadOnlyList<LoadInput> Inputs { get; } = inputs;

    public IReadOnlyList<LoadAttempt> Attempts { get; } = attempts;

    public int Requests => Attempts.Count;

    public int FailedRequests => Attempts.Count(a => !a.Ok);

    public int Acknowledged => Inputs.Count(i => i.Acknowledged);

    public int RetriedInputs => Inputs.Count(i => i.Attempts > 1);

    public int Count(int status) => Attempts.Count(a => a.Status == status);

    /// <summary>The longest time during which some client could not get an input through: per client, from the start
    /// of a failed attempt to the start of that client's next successful attempt; overlapping windows of different
    /// clients are merged.</summary>
    public TimeSpan LongestFailedWindow
    {
        get
        {
            var windows = new List<(DateTime Start, DateTime End)>();
            foreach (var client in Attempts.GroupBy(a => a.Client))
            {
                DateTime? open = null;
                var lastEnd = DateTime.MinValue;
                foreach (var attempt in client.OrderBy(a => a.StartedUtc))
                {
                    if (!attempt.Ok)
                    {
                        open ??= attempt.StartedUtc;
                        lastEnd = attempt.EndedUtc > lastEnd ? attempt.EndedUtc : lastEnd;
                    }
                    else if (open is { } start)
                    {
                        windows.Add((start, attempt.StartedUtc));
                        open = null;
                    }
                }

                if (open is { } unclosed)
                {
                    windows.Add((unclosed, lastEnd));
                }
            }

            var longest = TimeSpan.Zero;
            DateTime? mergedStart = null;
            var mergedEnd = DateTime.MinValue;
            foreach (var (start, end) in windows.OrderBy(w => w.Start))
            {
                if (mergedStart is null || start > mergedEnd)
                {
                    mergedStart = start;
                    mergedEnd = end;
                }
                else if (end > mergedEnd)
                {
                    mergedEnd = end;
                }

                longest = mergedEnd - mergedStart.Value > longest ? mergedEnd - mergedStart.Value : longest;
            }

            return longest;
        }
    }

    /// <summary>The longest a client waited, from the first attempt, for an input to be acknowledged.</summary>
    public TimeSpan LongestTimeToAck =>
        Inputs.Where(i => i.AckUtc is not null).Select(i => i.AckUtc!.Value - i.FirstAttemptUtc).DefaultIfEmpty().Max();

    public TimeSpan LongestRequest => Attempts.Select(a => a.Elapsed).DefaultIfEmpty().Max();

    public string Summary() =>
        $"requests={Requests} failed_requests={FailedRequests} inputs={Inputs.Count} acknowledged={Acknowledged} " +
        $"unacknowledged={Inputs.Count - Acknowledged} retried_inputs={RetriedInputs} " +
        $"status: 200={Count(200)} 429={Count(429)} 500={Count(500)} 502={Count(502)} 503={Count(503)} 504={Count(504)} no_response={Count(0)} " +
        $"longest_failed_window={LongestFailedWindow.TotalSeconds:0.00}s longest_time_to_ack={LongestTimeToAck.TotalSeconds:0.00}s " +
        $"longest_request={LongestRequest.TotalSeconds:0.00}s sessions={Inputs.Select(i => i.SessionId).Distinct().Count()}";
}
