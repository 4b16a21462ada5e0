using Orleans.Runtime;

namespace TrtOrleans.Gateway.Http;

/// <summary>Grain calls with the retry rules of a cluster that may lose a silo: a rejected call did not run and is
/// always safe to retry; a timed-out call may have run, so it is retried only when the input carries a request id
/// (the grain then returns the stored reply instead of a second turn). When the client loses a connection to a silo,
/// idempotent calls in flight stop waiting at once and are retried: a call to a killed silo would otherwise hang for
/// the whole ResponseTimeout (45 s).</summary>
public sealed class ClusterCalls(GatewayLossSignal loss)
{
    public const int MaxAttempts = 6;

    public async Task<T> RunAsync<T>(Func<Task<T>> call, bool idempotent, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var lost = loss.Token;
            try
            {
                var task = call();
                if (!idempotent)
                {
                    return await task;
                }

                try
                {
                    return await task.WaitAsync(lost);
                }
                catch (OperationCanceledException) when (lost.IsCancellationRequested && attempt < MaxAttempts)
                {
                    // The abandoned call may still finish; observe it so its fault is not unobserved.
                    _ = task.ContinueWith(static t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
                    continue;
                }
            }
            catch (Exception ex) when (attempt < MaxAttempts && (IsRejection(ex) || (idempotent && ex is TimeoutException)))
            {
                // Back off while membership declares the dead silo and the grain moves (seconds on loopback).
                await Task.Delay(TimeSpan.FromMilliseconds(100 * Math.Pow(2, attempt - 1)), ct);
            }
        }
    }

    public static bool IsRejection(Exception ex) =>
        ex is OrleansMessageRejectionException or SiloUnavailableException or GatewayTooBusyException;
}
