namespace TrtOrleans.Gateway.Http;

/// <summary>A token that is cancelled whenever the Orleans client loses a connection to a silo (then replaced by a
/// fresh one). Calls in flight through the lost connection would otherwise wait for their full timeout.</summary>
public sealed class GatewayLossSignal
{
    private CancellationTokenSource _current = new();

    public CancellationToken Token => Volatile.Read(ref _current).Token;

    public void GatewayCountChanged(int now, int before)
    {
        if (now < before)
        {
            // Not disposed: callers may still hold its token; it is garbage once they are done.
            Interlocked.Exchange(ref _current, new CancellationTokenSource()).Cancel();
        }
    }
}
