using Orleans.Runtime;

namespace TrtOrleans.Gateway.Http;

/// <summary>Grain calls with the retry rules of a cluster that may lose a silo: a rejected call did not run and is
/// always safe to retry; a timed-out call may have run, so it is retried only when the input carries a request id
/// (the grain then returns the stored reply instead of a second turn).</summary>
public static class ClusterCalls
{
    public const int MaxAttempts = 6;

    public static async Task<T> RunAsync<T>(Func<Task<T>> call, bool idempotent, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception ex) when (attempt < MaxAttempts && (IsRejection(ex) || (idempotent && ex is TimeoutException)))
            {
                // Back off while membership declares the dead silo and the grain moves (seconds on loopback).
                await Task.Delay(TimeSpan.FromMilliseconds(100 * Math.Pow(2, attempt - 1)), ct);
            }
        }
    }

    public static bool IsRejection(Exception ex) =>
        ex is OrleansMessageRejectionException or SiloUnavailableException
            or GatewayTooBusyException;
}
