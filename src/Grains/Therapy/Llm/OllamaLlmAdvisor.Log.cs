using Microsoft.Extensions.Logging;

namespace TrtOrleans.Therapy.Llm;

// Log events of the advisor: kinds, reasons, sizes and timings only — never prompt, client or reply text.
public sealed partial class OllamaLlmAdvisor
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug,
        Message = "LLM {Kind} call completed: prompt {PromptChars} chars, reply {ReplyChars} chars, {ElapsedMs} ms")]
    private static partial void LogCallCompleted(ILogger logger, string kind, int promptChars, int replyChars, long elapsedMs);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "LLM {Kind} call failed: {Reason} (prompt {PromptChars} chars)")]
    private static partial void LogCallFailed(ILogger logger, string kind, string reason, int promptChars);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "LLM {Kind} fallback: {Reason}")]
    private static partial void LogFallback(ILogger logger, string kind, string reason);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning,
        Message = "LLM circuit breaker opened for {Seconds} s after consecutive failures")]
    private static partial void LogBreakerOpened(ILogger logger, double seconds);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information,
        Message = "LLM reply for {Intent} rejected: {Reason} ({ReplyChars} chars)")]
    private static partial void LogReplyRejected(ILogger logger, string intent, string reason, int replyChars);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Debug, Message = "LLM reply for {Intent} accepted ({ReplyChars} chars)")]
    private static partial void LogReplyAccepted(ILogger logger, string intent, int replyChars);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Debug,
        Message = "LLM navigation chose {Decision} (answer {AnswerChars} chars)")]
    private static partial void LogNavigationChosen(ILogger logger, string decision, int answerChars);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Error, Message = "LLM {Kind}: unexpected {ExceptionType}")]
    private static partial void LogUnexpected(ILogger logger, string kind, string exceptionType);

    [LoggerMessage(EventId = 4109, Level = LogLevel.Warning, Message = "Ollama ping failed: {ExceptionType}")]
    private static partial void LogPingFailed(ILogger logger, string exceptionType);
}
