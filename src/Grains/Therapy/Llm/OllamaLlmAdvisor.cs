using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OllamaSharp;
using OllamaSharp.Models.Exceptions;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Llm;

/// <summary>The optional LLM of docs/engine.md "LLM use" through OllamaSharp's <see cref="IChatClient"/>: the navigation choice at N1/N2
/// and the phrasing of conversational replies. Every failure becomes <see cref="LlmOutcome{T}.Fail"/> (the engine
/// then uses its deterministic answer); nothing is thrown and no conversation text is logged.</summary>
public sealed partial class OllamaLlmAdvisor : ILlmAdvisor, IDisposable
{
    private const int NavigationMaxTokens = 200;
    private const int PhrasingMaxTokens = 160;
    private const int VisionPhrasingMaxTokens = 240;

    private readonly OllamaOptions _options;
    private readonly IChatClient? _chatClient;
    private readonly IOllamaApiClient? _ollama;
    private readonly bool _ownsClient;
    private readonly LlmCircuitBreaker _breaker;
    private readonly ReplyFilter _filter;
    private readonly ILogger _logger;

    /// <summary>Host constructor: builds an <see cref="OllamaApiClient"/> from <see cref="OllamaOptions.BaseUrl"/>
    /// (none when it is unset) and screens replies with the analyzer's crisis detector.</summary>
    public OllamaLlmAdvisor(
        IOptions<OllamaOptions> options,
        ITextAnalyzer analyzer,
        TimeProvider timeProvider,
        ILogger<OllamaLlmAdvisor> logger)
        : this(options.Value, CreateClient(options.Value), CrisisCue(analyzer), timeProvider, logger, null, ownsClient: true)
    {
    }

    /// <summary>Any chat client (tests, decorators); <paramref name="chatClient"/> null = not configured.</summary>
    public OllamaLlmAdvisor(
        OllamaOptions options,
        IChatClient? chatClient,
        ITextAnalyzer analyzer,
        TimeProvider? timeProvider = null,
        ILogger<OllamaLlmAdvisor>? logger = null,
        ReplyFilterLexicon? lexicon = null)
        : this(options, chatClient, CrisisCue(analyzer), timeProvider, logger, lexicon, ownsClient: false)
    {
    }

    /// <summary>Any chat client with a plain crisis-cue predicate (true = the text holds any crisis cue).</summary>
    public OllamaLlmAdvisor(
        OllamaOptions options,
        IChatClient? chatClient,
        Func<string, bool> containsCrisisCue,
        TimeProvider? timeProvider = null,
        ILogger<OllamaLlmAdvisor>? logger = null,
        ReplyFilterLexicon? lexicon = null)
        : this(options, chatClient, containsCrisisCue, timeProvider, logger, lexicon, ownsClient: false)
    {
    }

    private OllamaLlmAdvisor(
        OllamaOptions options,
        IChatClient? chatClient,
        Func<string, bool> containsCrisisCue,
        TimeProvider? timeProvider,
        ILogger? logger,
        ReplyFilterLexicon? lexicon,
        bool ownsClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(containsCrisisCue);
        _options = options;
        _chatClient = chatClient;
        _ownsClient = ownsClient;
        _ollama = chatClient as IOllamaApiClient ?? chatClient?.GetService(typeof(IOllamaApiClient)) as IOllamaApiClient;
        _breaker = new LlmCircuitBreaker(
            timeProvider ?? TimeProvider.System, options.BreakerFailures, TimeSpan.FromSeconds(options.BreakerOpenSeconds));
        _filter = new ReplyFilter(lexicon ?? ReplyFilterLexicon.LoadDefault(), containsCrisisCue);
        _logger = logger ?? NullLogger<OllamaLlmAdvisor>.Instance;
    }

    /// <inheritdoc />
    public bool Available => _chatClient is not null && !_breaker.IsOpen;

    /// <summary>True while the breaker is open (health shows <c>ollama</c> unhealthy).</summary>
    public bool BreakerOpen => _chatClient is not null && _breaker.IsOpen;

    public bool Configured => _chatClient is not null;

    public LlmCounters Counters { get; } = new();

    /// <inheritdoc />
    public async Task<LlmOutcome<NavigationOption>> ChooseNavigationAsync(NavigationRequest request, CancellationToken ct)
    {
        try
        {
            if (Skip() is { } skipped)
            {
                return Fallback<NavigationOption>("navigation", skipped);
            }

            if (request.Allowed.Count == 0)
            {
                return Fallback<NavigationOption>("navigation", "no_options");
            }

            var fence = new PromptFence();
            var messages = LlmPrompts.Navigation(request, fence);
            var chatOptions = new ChatOptions
            {
                ModelId = _options.ChatModel,
                Temperature = 0,
                MaxOutputTokens = NavigationMaxTokens,
                Seed = request.Seed,
                ResponseFormat = ChatResponseFormat.ForJsonSchema(
                    NavigationAnswer.BuildSchema(request.Allowed), "trt_navigation", "Next step of a TRT stage-1 session"),
            };

            var (content, failure) = await CallAsync("navigation", messages, chatOptions, ct).ConfigureAwait(false);
            if (failure is not null)
            {
                return Fallback<NavigationOption>("navigation", failure);
            }

            var (option, reasoning, invalid) =
                NavigationAnswer.Validate(content, request.Allowed, _options.MinConfidence);
            if (option is null)
            {
                return Fallback<NavigationOption>("navigation", invalid ?? "invalid_json");
            }

            Counters.Succeeded();
            LogNavigationChosen(_logger, option.Decision, content?.Length ?? 0);
            // The model may echo fenced text; markers never leave the advisor.
            return new LlmOutcome<NavigationOption>(true, option, null, fence.Clean(reasoning, 210));
        }
        catch (Exception exception)
        {
            // Last line of defence: a bug here must cost one LLM answer, never the turn.
            LogUnexpected(_logger, "navigation", exception.GetType().Name);
            return Fallback<NavigationOption>("navigation", "exception");
        }
    }

    /// <inheritdoc />
    public async Task<LlmOutcome<string>> RephraseAsync(PhrasingRequest request, CancellationToken ct)
    {
        try
        {
            if (Skip() is { } skipped)
            {
                return Fallback<string>("phrasing", skipped);
            }

            var maxChars = request.IsVision ? _options.MaxVisionReplyChars : _options.MaxReplyChars;
            var maxSentences = request.IsVision ? 5 : 3;
            var fence = new PromptFence();
            var messages = LlmPrompts.Phrasing(request, fence, maxChars, maxSentences);
            var chatOptions = new ChatOptions
            {
                ModelId = _options.ChatModel,
                Temperature = _options.Temperature,
                MaxOutputTokens = request.IsVision ? VisionPhrasingMaxTokens : PhrasingMaxTokens,
                Seed = request.Seed,
            };

            var (content, failure) = await CallAsync("phrasing", messages, chatOptions, ct).ConfigureAwait(false);
            if (failure is not null)
            {
                return Fallback<string>("phrasing", failure);
            }

            var check = new ReplyCheck(fence, maxChars, maxSentences, request.IsQuestion, request.RequiredWords);
            var (reply, rejection) = _filter.Check(content, check);
            if (reply is null)
            {
                var reason = rejection ?? "empty";
                LlmCounters.ReplyRejected(reason);
                LogReplyRejected(_logger, request.Intent, reason, content?.Length ?? 0);
                return Fallback<string>("phrasing", "filtered:" + reason);
            }

            Counters.Succeeded();
            LogReplyAccepted(_logger, request.Intent, reply.Length);
            return new LlmOutcome<string>(true, reply, null, "llm: rephrased " + request.Intent);
        }
        catch (Exception exception)
        {
            LogUnexpected(_logger, "phrasing", exception.GetType().Name);
            return Fallback<string>("phrasing", "exception");
        }
    }

    /// <summary>Health probe: lists the local models (GET /api/tags). False when not configured or unreachable.</summary>
    public async Task<bool> PingAsync(CancellationToken ct)
    {
        if (_ollama is null)
        {
            return false;
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(CallTimeout);
            await _ollama.ListLocalModelsAsync(timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception)
        {
            LogPingFailed(_logger, exception.GetType().Name);
            return false;
        }
    }

    public void Dispose()
    {
        if (_ownsClient)
        {
            _chatClient?.Dispose();
        }
    }

    private TimeSpan CallTimeout => TimeSpan.FromSeconds(Math.Max(0.001, _options.CallTimeoutSeconds));

    private string? Skip() =>
        _chatClient is null ? "not_configured"
        : _breaker.IsOpen ? "breaker_open"
        : null;

    /// <summary>One model call under the per-call timeout. Transport failures feed the breaker; a caller's own
    /// cancellation (the turn budget) does not, since it says nothing about Ollama's health.</summary>
    private async Task<(string? Content, string? Failure)> CallAsync(
        string kind, List<ChatMessage> messages, ChatOptions chatOptions, CancellationToken ct)
    {
        Counters.CallStarted(kind);
        var promptChars = messages.Sum(m => m.Text.Length);
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(CallTimeout);
        try
        {
            var response = await _chatClient!.GetResponseAsync(messages, chatOptions, timeout.Token).ConfigureAwait(false);
            if (timeout.IsCancellationRequested)
            {
                // OllamaSharp may stop reading quietly when cancelled; a truncated answer is a timeout.
                return TransportFailure(kind, ct.IsCancellationRequested ? "cancelled" : "timeout", promptChars);
            }

            _breaker.RecordSuccess();
            var content = response.Text;
            LogCallCompleted(_logger, kind, promptChars, content.Length,
                (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return (content, null);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return TransportFailure(kind, "cancelled", promptChars);
        }
        catch (OperationCanceledException)
        {
            return TransportFailure(kind, "timeout", promptChars);
        }
        catch (HttpRequestException)
        {
            return TransportFailure(kind, "http_error", promptChars);
        }
        catch (OllamaException)
        {
            return TransportFailure(kind, "http_error", promptChars);
        }
        catch (JsonException)
        {
            return TransportFailure(kind, "invalid_response", promptChars);
        }
        catch (Exception exception)
        {
            LogUnexpected(_logger, kind, exception.GetType().Name);
            return TransportFailure(kind, "exception", promptChars);
        }
    }
}
