using Microsoft.Extensions.Logging;

namespace TrtOrleans.Therapy.Retrieval;

/// <summary>Retrieval log lines: counts, ids, provider names and exception types only — never client or exemplar text.</summary>
internal static partial class RetrievalLog
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Information,
        Message = "Exemplar corpus: {Count} records, version {Version}, healthy {Healthy}, provider {Provider}")]
    public static partial void CorpusReady(ILogger logger, int count, string version, bool healthy, string provider);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning,
        Message = "Exemplar corpus failed validation: {Reason} = {Count}")]
    public static partial void CorpusProblem(ILogger logger, string reason, int count);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning,
        Message = "Embedder {Embedder} unavailable at startup ({ErrorType}); trying the next provider")]
    public static partial void EmbedderUnavailable(ILogger logger, string embedder, string errorType);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning,
        Message = "Embedder {Embedder} failed for a query ({ErrorType}); BM25 used for this query")]
    public static partial void QueryFallback(ILogger logger, string embedder, string errorType);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning,
        Message = "Retrieval failed ({ErrorType}); nothing retrieved")]
    public static partial void RetrievalFailed(ILogger logger, string errorType);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Debug,
        Message = "Retrieval cache unavailable ({ErrorType}); treated as a miss")]
    public static partial void CacheFailed(ILogger logger, string errorType);
}
