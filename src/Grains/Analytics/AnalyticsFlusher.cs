using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace TrtOrleans.Grains.Analytics;

/// <summary>Flushes the silo's analytics counters every few seconds, and once more late in a graceful silo stop —
/// after grains have stopped taking messages — so the final flush sees every counted input.</summary>
public sealed partial class AnalyticsFlusher(AnalyticsRecorder recorder, TimeProvider time, ILogger<AnalyticsFlusher> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    private CancellationTokenSource? _stop;
    private Task? _loop;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(AnalyticsFlusher), ServiceLifecycleStage.RuntimeServices, StartAsync, StopAsync);

    private Task StartAsync(CancellationToken ct)
    {
        _stop = new CancellationTokenSource();
        _loop = RunAsync(_stop.Token);
        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken ct)
    {
        if (_stop is not null)
        {
            await _stop.CancelAsync();
            await (_loop ?? Task.CompletedTask);
        }

        await TryFlushAsync();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                await TryFlushAsync();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: the final flush follows in StopAsync.
        }
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
