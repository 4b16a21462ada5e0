using System.Globalization;
using TrtOrleans.TestSupport;

namespace TrtOrleans.Ops.Tests;

/// <summary>Settings of one private cluster for process tests: its own Redis database, cluster ids and free ports.</summary>
internal sealed class TestCluster(string redisUrl, string? otlpEndpoint = null)
{
    private readonly string _id = Guid.NewGuid().ToString("N")[..10];
    private readonly int _siloPort = FreePort.Next();
    private readonly int _gatewayPort = FreePort.Next();
    private readonly int _siloHttpPort = FreePort.Next();
    private readonly int _gatewayHttpPort = FreePort.Next();

    public string RedisUrl => redisUrl;

    public string ClusterId => $"ops-{_id}";

    public string ServiceId => $"ops-svc-{_id}";

    public Uri GatewayUrl => new($"http://127.0.0.1:{_gatewayHttpPort}");

    public Uri SiloHttpUrl => new($"http://127.0.0.1:{_siloHttpPort}");

    public async Task<AppProcess> StartSiloAsync(TimeSpan timeout)
    {
        var silo = AppProcess.Start(Binaries.Silo, Environment(new()
        {
            ["urls"] = SiloHttpUrl.ToString().TrimEnd('/'),
            ["Orleans__SiloPort"] = _siloPort.ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = _gatewayPort.ToString(CultureInfo.InvariantCulture),
        }));
        await StartedAsync(silo, timeout);
        return silo;
    }

    public async Task<AppProcess> StartGatewayAsync(TimeSpan timeout)
    {
        var gateway = AppProcess.Start(Binaries.Gateway, Environment(new() { ["urls"] = GatewayUrl.ToString().TrimEnd('/') }));
        await StartedAsync(gateway, timeout);
        return gateway;
    }

    private Dictionary<string, string> Environment(Dictionary<string, string> extra)
    {
        var env = new Dictionary<string, string>
        {
            ["REDIS_URL"] = redisUrl,
            ["Orleans__ClusterId"] = ClusterId,
            ["Orleans__ServiceId"] = ServiceId,
        };
        if (otlpEndpoint is not null)
        {
            env["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint;
            env["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            env["OTEL_BSP_SCHEDULE_DELAY"] = "200"; // export spans within a fraction of a second
            env["OTEL_METRIC_EXPORT_INTERVAL"] = "500";
        }

        foreach (var (key, value) in extra)
        {
            env[key] = value;
        }

        return env;
    }

    private static async Task StartedAsync(AppProcess app, TimeSpan timeout)
    {
        var started = app.WaitForLineAsync(l => l.Contains("Application started", StringComparison.Ordinal), timeout);
        var exited = app.WaitForExitAsync(timeout);
        if (await Task.WhenAny(started, exited) == exited || started.IsFaulted)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException("process did not start:\n" + string.Join('\n', app.Lines.TakeLast(40)));
        }
    }
}
