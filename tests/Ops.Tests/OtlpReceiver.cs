using System.Net;
using System.Text;
using TrtOrleans.TestSupport;

namespace TrtOrleans.Ops.Tests;

/// <summary>A small OTLP/HTTP (protobuf) receiver: accepts /v1/traces and /v1/metrics, keeps every body as received
/// and the spans and metric names it decodes. Waits complete when a received batch satisfies the condition.</summary>
internal sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Lock _gate = new();
    private readonly List<byte[]> _bodies = [];
    private readonly List<OtlpSpan> _spans = [];
    private readonly HashSet<(string Service, string Metric)> _metrics = [];
    private readonly List<(Func<OtlpReceiver, bool> Condition, TaskCompletionSource Done)> _waiters = [];

    public OtlpReceiver()
    {
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    public IReadOnlyList<OtlpSpan> Spans
    {
        get
        {
            lock (_gate)
            {
                return [.. _spans];
            }
        }
    }

    public bool HasMetric(string service, string name)
    {
        lock (_gate)
        {
            return _metrics.Contains((service, name));
        }
    }

    /// <summary>True when any received byte sequence contains <paramref name="text"/> (UTF-8).</summary>
    public bool AnyBodyContains(string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        lock (_gate)
        {
            return _bodies.Any(b => b.AsSpan().IndexOf(needle) >= 0);
        }
    }

    public int BodyCount
    {
        get
        {
            lock (_gate)
            {
                return _bodies.Count;
            }
        }
    }

    public Task WaitForAsync(Func<OtlpReceiver, bool> condition, TimeSpan timeout)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((condition, done));
        }

        Check();
        return done.Task.WaitAsync(timeout);
    }

    public void Dispose() => _listener.Close();

    private async Task AcceptLoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var buffer = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(buffer);
            var body = buffer.ToArray();
            Receive(context.Request.Url!.AbsolutePath, body);
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
            Check();
        }
    }

    private void Receive(string path, byte[] body)
    {
        lock (_gate)
        {
            _bodies.Add(body);
            if (path.EndsWith("/v1/traces", StringComparison.Ordinal))
            {
                _spans.AddRange(OtlpSpan.Decode(body));
            }
            else if (path.EndsWith("/v1/metrics", StringComparison.Ordinal))
            {
                // ExportMetricsServiceRequest: resource_metrics(1) { resource(1), scope_metrics(2) { metrics(2) { name(1) } } }
                foreach (var resource in ProtoReader.Messages(body, 1))
                {
                    var service = OtlpSpan.ServiceName(resource);
                    foreach (var metric in ProtoReader.Messages(resource, 2).SelectMany(s => ProtoReader.Messages(s, 2)))
                    {
                        _metrics.Add((service, ProtoReader.String(metric, 1)));
                    }
                }
            }
        }
    }

    private void Check()
    {
        List<(Func<OtlpReceiver, bool> Condition, TaskCompletionSource Done)> waiting;
        lock (_gate)
        {
            waiting = [.. _waiters];
        }

        foreach (var waiter in waiting.Where(w => w.Condition(this)))
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }

            waiter.Done.TrySetResult();
        }
    }
}
