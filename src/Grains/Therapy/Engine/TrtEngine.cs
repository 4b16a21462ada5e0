using TrtOrleans.Therapy.Contracts;
using TrtOrleans.Therapy.Text;

namespace TrtOrleans.Therapy.Engine;

/// <summary>The stage-1 TRT conversation engine (docs/engine.md). Stateless and thread-safe: every per-session value
/// lives in the <see cref="EngineState"/> passed in, which is copied and never mutated.</summary>
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

    /// <summary>Detector data and template versions, for logs: a replay is only identical on the same data.</summary>
    public string DataVersion => $"{Analyzer.DataVersion}+{Templates.Version}";

    /// <summary>The deterministic engine on the shipped data: default analyzer and templates, no retrieval, no LLM.</summary>
    public static TrtEngine CreateDefault() => new(TextAnalyzer.LoadDefault(), ReplyTemplates.LoadDefault());

    public EngineState NewSession(string sessionId, DateTimeOffset now) => EngineState.Create(sessionId, now);

    public Task<TurnDecision> RunTurnAsync(TurnInput input, CancellationToken ct) => TurnPipeline.RunAsync(this, input, ct);
}
