using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace TrtOrleans.Gateway.Http;

/// <summary>Counts failed authentications per source address in a fixed window; a source over the limit gets 429
/// on every request until its window ends, so keys cannot be guessed at line rate.</summary>
public sealed class FailedAuthLimiter(IOptions<FailedAuthSettings> options, TimeProvider time)
{
    /// <summary>Bound on tracked sources: beyond it, expired windows are dropped first (memory stays bounded under a
    /// spray from many addresses).</summary>
    public const int MaxSources = 100_000;

    private readonly ConcurrentDictionary<string, Window> _sources = new(StringComparer.Ordinal);

    public void RecordFailure(string source)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        if (_sources.Count >= MaxSources)
        {
            foreach (var (key, window) in _sources)
            {
                if (now - window.Start >= settings.Window)
                {
                    _sources.TryRemove(key, out _);
                }
            }
        }

        _sources.AddOrUpdate(
            source,
            _ => new Window(now, 1),
            (_, w) => now - w.Start >= settings.Window ? new Window(now, 1) : w with { Failures = w.Failures + 1 });
    }

    /// <summary>Seconds until <paramref name="source"/> may try again, or null when it is not blocked.</summary>
    public int? BlockedFor(string source)
    {
        var settings = options.Value;
        if (!_sources.TryGetValue(source, out var w) || w.Failures < settings.MaxFailures)
        {
            return null;
        }

        var left = w.Start + settings.Window - time.GetUtcNow();
        return left <= TimeSpan.Zero ? null : (int)Math.Ceiling(left.TotalSeconds);
    }

    public static string SourceOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private sealed record Window(DateTimeOffset Start, int Failures);
}
