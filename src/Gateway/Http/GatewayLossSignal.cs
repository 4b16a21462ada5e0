namespace TrtOrleans.Gateway.Http;

/// <summary>A token that is cancelled whenever the Orleans client loses a connection to a silo (then replaced by a
/// fresh one), and again a few times while the cluster declares that silo dead. Calls in flight to a grain of the
/// lost silo — sent through the lost connection, or forwarded by another silo before the death was known — would
/// otherwise wait for their full ResponseTimeout; <see cref="ClusterCalls"/> retries the idempotent ones.</summary>
public sealed class GatewayLossSignal
{
    /// <summary>Follow-up releases after a loss: membership declares a killed silo dead within ~2–5 s (2 s probes,
    /// 2 misses), so calls started meanwhile are released at most one step later and retried on a settled cluster.</summary>
    public static readonly TimeSpan[] FollowUps = [TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(7.5)];

    private CancellationTokenSource _current = new();

    public CancellationToken Token => Volatile.Read(ref _current).Token;

    public void GatewayCountChanged(int now, int before)
    {
        if (now < before)
        {
            Release();
            _ = FollowUpAsync();
        }
    }

    private async Task FollowUpAsync()
    {
        var elapsed = TimeSpan.Zero;
        foreach (var at in FollowUps)
        {
            await Task.Delay(at - elapsed);
            elapsed = at;
            Release();
        }
    }

    // The old source is not disposed: callers may still hold its token; it is garbage once they are done.
    private void Release() => Interlocked.Exchange(ref _current, new CancellationTokenSource()).Cancel();
}
