using System.Net.Http.Json;
using TrtOrleans.TestSupport;

namespace TrtOrleans.Ops.Tests;

/// <summary>A silo and a gateway as separate processes on a real Redis, exporting to an in-test OTLP receiver.</summary>
public sealed class TelemetryTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan ExportTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_turn_is_one_trace_from_gateway_through_grain_to_storage_and_the_metrics_move()
    {
        var redis = RedisServer.Shared;
        using var otlp = new OtlpReceiver();
        var cluster = new TestCluster(redis.Url(redis.AllocateDatabase()), otlp.Endpoint);
        await using var silo = await cluster.StartSiloAsync(StartTimeout);
        await using var gateway = await cluster.StartGatewayAsync(StartTimeout);
        using var http = new HttpClient { BaseAddress = cluster.GatewayUrl };

        var sessionId = "otel-" + Guid.NewGuid().ToString("N")[..12];
        var marker = "MARKER" + Guid.NewGuid().ToString("N");
        (await http.PostAsJsonAsync("/api/v1/session/create", new { session_id = sessionId })).EnsureSuccessStatusCode();
        var input = await http.PostAsJsonAsync("/api/v1/input", new { session_id = sessionId, user_input = $"I want to feel calm {marker}" });
        input.EnsureSuccessStatusCode();

        await otlp.WaitForAsync(r => TurnTrace(r.Spans) is not null, ExportTimeout);
        var (gatewaySpan, grainSpan, storageSpan) = TurnTrace(otlp.Spans)!.Value;
        Assert.Equal(gatewaySpan.TraceId, grainSpan.TraceId);
        Assert.Equal(gatewaySpan.TraceId, storageSpan.TraceId);
        Assert.Equal("trt-silo", storageSpan.Service);
        Assert.Contains("SendInput", grainSpan.Name, StringComparison.Ordinal);

        // The silo's scrape endpoint shows the turn; the OTLP metrics carry the product meter too.
        using var siloHttp = new HttpClient { BaseAddress = cluster.SiloHttpUrl };
        var scrape = await siloHttp.GetStringAsync("/metrics");
        Assert.Contains("trt_turns_total{", scrape, StringComparison.Ordinal);
        Assert.Contains("outcome=\"processed\"", scrape, StringComparison.Ordinal);
        Assert.Contains("trt_turn_duration_seconds_count", scrape, StringComparison.Ordinal);
        Assert.Contains("trt_sessions_created_total", scrape, StringComparison.Ordinal);
        Assert.Contains("orleans_", scrape, StringComparison.Ordinal);
        await otlp.WaitForAsync(r => r.HasMetric("trt-silo", "trt.turns") && r.HasMetric("trt-gateway", "http.server.request.duration"), ExportTimeout);

        // No conversation text anywhere: not in a span, not in a metric, not in a log line.
        Assert.False(otlp.AnyBodyContains(marker), "conversation text reached the telemetry");
        Assert.DoesNotContain(silo.Lines.Concat(gateway.Lines), l => l.Contains(marker, StringComparison.Ordinal));
        Assert.DoesNotContain(silo.Lines.Concat(gateway.Lines), l => l.Contains("Execution attempt", StringComparison.Ordinal));
    }

    /// <summary>The gateway's server span of POST /api/v1/input, the silo's grain call span and a storage write of
    /// the same trace, with the storage span's parent chain reaching the gateway span (one linked trace).</summary>
    private static (OtlpSpan Gateway, OtlpSpan Grain, OtlpSpan Storage)? TurnTrace(IReadOnlyList<OtlpSpan> spans)
    {
        foreach (var gateway in spans.Where(s => s.Service == "trt-gateway" && s.Kind == OtlpSpan.KindServer
                     && s.Attributes.GetValueOrDefault("url.path") == "/api/v1/input"))
        {
            var trace = spans.Where(s => s.TraceId == gateway.TraceId).ToDictionary(s => s.SpanId);
            var grain = trace.Values.FirstOrDefault(s => s.Service == "trt-silo" && s.Kind == OtlpSpan.KindServer
                && s.Scope.StartsWith("Microsoft.Orleans", StringComparison.Ordinal) && s.Name.Contains("SendInput", StringComparison.Ordinal));
            var storage = trace.Values.FirstOrDefault(s => s.Scope == "Microsoft.Orleans.Storage" && Reaches(s, gateway.SpanId, trace));
            if (grain is not null && storage is not null && Reaches(grain, gateway.SpanId, trace))
            {
                return (gateway, grain, storage);
            }
        }

        return null;
    }

    private static bool Reaches(OtlpSpan span, string ancestorId, Dictionary<string, OtlpSpan> trace)
    {
        for (var current = span; current is not null; current = trace.GetValueOrDefault(current.ParentSpanId))
        {
            if (current.ParentSpanId == ancestorId)
            {
                return true;
            }
        }

        return false;
    }
}
