using TrtOrleans.Therapy.Contracts;
using TrtOrleans.Therapy.Text;

namespace TrtOrleans.Therapy.Engine;

/// <summary>The stage-1 TRT conversation engine (trt-engine.md §6–§13, §16). Stateless and thread-safe: every
/// per-session value lives in the <see cref="EngineState"/> passed in, which is copied and never mutated.</summary>
public sealed class TrtEngine : ITrtEngine
{
    public TrtEngine(
        ITextAnalyzer analyzer,
        ReplyTemplates templates,
        IExemplarRetriever? retriever = null,
        ILlmAdvisor? llm = null,
        EngineOptions? options = null)
    {
        Analyzer = analyzer;
        Templates = templates;
        Retriever = retriever;
        Llm = llm;
        Options = options ?? new EngineOptions();
    }

    internal ITextAnalyzer Analyzer { get; }

    internal ReplyTemplates Templates { get; }

    internal IExemplarRetriever? Retriever { get; }

    internal ILlmAdvisor? Llm { get; }

    internal EngineOptions Options { get; }

    /// <summary>The deterministic engine on the shipped data: default analyzer and templates, no retrieval, no LLM.</summary>
    public static TrtEngine CreateDefault() => new(TextAnalyzer.LoadDefault(), ReplyTemplates.LoadDefault());

    public EngineState NewSession(string sessionId, DateTimeOffset now) => EngineState.Create(sessionId, now);

    public Task<TurnResult> ProcessTurnAsync(EngineState state, string userInput, TurnContext ctx, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(ctx);
        // The clone keeps the caller's copy intact, so a failed write leaves the grain's state as it was.
        var processor = new TurnProcessor(this, state.DeepClone(), userInput ?? "", ctx);
        return processor.RunAsync(ct);
    }

    public CrisisAnalysis DetectCrisis(string userInput) => Analyzer.DetectCrisis(userInput ?? "");
}
