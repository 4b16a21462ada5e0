using System.Collections.Concurrent;
using System.Diagnostics;
using TrtOrleans.TestSupport;

namespace TrtOrleans.Ops.Tests;

/// <summary>A gateway or silo started as its own process with a private environment. Its output is collected line by
/// line; waits complete on the line (or the exit) itself, not after a fixed delay.</summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private static readonly string[] InheritedToDrop = ["REDIS_URL", "ASPNETCORE_URLS", "urls", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL"];

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource Seen)> _waiters = [];
    private readonly Lock _gate = new();

    private AppProcess(Process process) => _process = process;

    public IReadOnlyList<string> Lines => [.. _lines];


    public static AppProcess Start(string dll, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var name in InheritedToDrop)
        {
            info.Environment.Remove(name);
        }

        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("Orleans__", StringComparison.Ordinal) || k.StartsWith("Telemetry__", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // A silo on Redis refuses to start without a key ring; the in-memory mode does not mind one.
        info.Environment[TestKeyRing.EnvironmentVariable.Key] = TestKeyRing.EnvironmentVariable.Value;
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var app = new AppProcess(process);
        process.OutputDataReceived += (_, e) => app.OnLine(e.Data, stderr: false);
        process.ErrorDataReceived += (_, e) => app.OnLine(e.Data, stderr: true);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    public IReadOnlyList<string> ErrorLines => [.. _stderr];

    /// <summary>Completes when a line matching <paramref name="match"/> has been written (also one written before).</summary>
    public Task WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_lines.Any(match))
            {
                return Task.CompletedTask;
            }

            _waiters.Add((match, seen));
        }

        return seen.Task.WaitAsync(timeout);
    }

    /// <summary>The exit code, after all output has been read.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public bool HasExited => _process.HasExited;

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // never started or already reaped
        }

        _process.Dispose();
    }

    private void OnLine(string? line, bool stderr)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Enqueue(line);
            if (stderr)
            {
                _stderr.Enqueue(line);
            }

            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
            {
                waiter.Seen.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }
}
