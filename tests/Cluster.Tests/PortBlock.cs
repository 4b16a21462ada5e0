using System.Net;
using System.Net.Sockets;

namespace TrtOrleans.Cluster.Tests;

/// <summary>Picks loopback ports for the cluster. local-cluster.sh numbers silo and gateway ports as BASE + n - 1, so
/// some settings need a run of consecutive free ports. Every chosen port stays bound until all are chosen, so no
/// two settings get the same port.</summary>
internal sealed class PortBlock : IDisposable
{
    private const int MaxTries = 200;
    private readonly List<TcpListener> _held = [];

    /// <summary>The first of <paramref name="count"/> consecutive ports that are free now.</summary>
    public int Reserve(int count)
    {
        for (var attempt = 0; attempt < MaxTries; attempt++)
        {
            var first = Bind(0);
            var start = ((IPEndPoint)first.LocalEndpoint).Port;
            var run = new List<TcpListener> { first };
            for (var i = 1; i < count; i++)
            {
                var next = start + i <= IPEndPoint.MaxPort ? TryBind(start + i) : null;
                if (next is null)
                {
                    break;
                }

                run.Add(next);
            }

            if (run.Count == count)
            {
                _held.AddRange(run);
                return start;
            }

            run.ForEach(l => l.Stop());
        }

        throw new InvalidOperationException($"no {count} consecutive free loopback ports found");
    }

    public void Dispose()
    {
        foreach (var listener in _held)
        {
            listener.Stop();
        }

        _held.Clear();
    }

    private static TcpListener Bind(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        return listener;
    }

    private static TcpListener? TryBind(int port)
    {
        try
        {
            return Bind(port);
        }
        catch (SocketException)
        {
            return null;
        }
    }
}
