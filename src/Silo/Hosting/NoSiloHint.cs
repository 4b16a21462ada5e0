using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TrtOrleans.Grains.Interfaces;

namespace TrtOrleans.Silo.Hosting;

/// <summary>A gateway started against Redis with no silo running keeps waiting for one (Orleans retries quietly,
/// and its repeated "Could not find any gateway" warning is filtered). This says once, in plain words, what is
/// missing and how to fix it. The HTTP port is open meanwhile: /health answers 503 with the same reason.</summary>
public sealed partial class NoSiloHint(IClusterClient cluster, ILogger<NoSiloHint> logger) : BackgroundService
{
    public const string Reason = "no silo of the cluster is reachable; start a silo, or set Gateway:EmbeddedSilo=true";

    /// <summary>Long enough for a silo that is starting alongside the gateway (local-cluster.sh, compose).</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(Grace, stoppingToken);
            await cluster.GetGrain<IHealthGrain>(0).CheckAsync().WaitAsync(TimeSpan.FromSeconds(3), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception)
        {
            LogNoSilo(logger, Grace.TotalSeconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No silo reachable after {Seconds} s: start a silo (dotnet run --project src/Silo, with the same REDIS_URL and Orleans:ClusterId), or set Gateway:EmbeddedSilo=true to host one in this process. /health answers 503 until then.")]
    private static partial void LogNoSilo(ILogger logger, double seconds);
}
