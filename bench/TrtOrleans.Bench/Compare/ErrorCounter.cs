using System.Collections.Concurrent;

namespace TrtOrleans.Bench.Compare;

/// <summary>Failed turns by kind ("HTTP 429", "HttpRequestException", ...), thread-safe.</summary>
internal sealed class ErrorCounter
{
    private readonly ConcurrentDictionary<string, int> _kinds = new();

    public int Total => _kinds.Values.Sum();

    public void Add(string kind) => _kinds.AddOrUpdate(kind, 1, (_, n) => n + 1);

    public override string ToString() =>
        _kinds.IsEmpty ? "none" : string.Join(", ", _kinds.OrderBy(k => k.Key).Select(k => $"{k.Key}: {k.Value}"));
}
