using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TrtOrleans.Grains.Analytics;

/// <summary>Flushes the silo's analytics counters every few seconds and once more when the silo stops gracefully.</summary>
public sealed partial class AnalyticsFlusher(AnalyticsRecorder recorder, TimeProvider time, ILogger<AnalyticsFlusher> logger)
    : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TryFlushAsync();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: the final flush happens in StopAsync.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await TryFlushAsync();
    }

    private async Task TryFlushAsync()
    {
        try
        {
            await recorder.FlushAsync();
        }
        catch (Exception ex)
        {
            LogFlushError(logger, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analytics flush failed ({Error}); will retry")]
    private static partial void LogFlushError(ILogger logger, string error);
}
