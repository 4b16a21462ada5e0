using Microsoft.Extensions.AI;
using OllamaSharp;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Llm;

// Failure bookkeeping and construction helpers of the advisor: every failure is counted, logged without text, and
// becomes a fallback to the deterministic reply.
public sealed partial class OllamaLlmAdvisor
{
    private (string? Content, string? Failure) TransportFailure(string kind, string reason, int promptChars)
    {
        if (reason != "cancelled" && _breaker.RecordFailure())
        {
            LogBreakerOpened(_logger, _options.BreakerOpenSeconds);
        }

        LogCallFailed(_logger, kind, reason, promptChars);
        return (null, reason);
    }

    private LlmOutcome<T> Fallback<T>(string kind, string reason)
    {
        Counters.Fallback(reason);
        LogFallback(_logger, kind, reason);
        return LlmOutcome<T>.Fail(reason);
    }

    private static IChatClient? CreateClient(OllamaOptions options) =>
        options.IsConfigured ? new OllamaApiClient(new Uri(options.BaseUrl!), options.ChatModel) : null;

    /// <summary>docs/engine.md "LLM use" rejects a reply with any crisis-lexicon cue, so even a low-risk hit counts.</summary>
    private static Func<string, bool> CrisisCue(ITextAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        return text => analyzer.DetectCrisis(text).Risk >= RiskLevel.Low;
    }
}
