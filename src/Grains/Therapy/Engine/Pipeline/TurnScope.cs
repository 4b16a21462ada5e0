using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>The explicit input of every stage: the engine's read-only services, the turn's fixed facts, and the
/// private copy of the session state the turn transforms. It holds no per-turn bookkeeping: each stage returns what
/// it decided as a value.</summary>
internal sealed class TurnScope(TrtEngine engine, EngineState state, TurnFacts facts)
{
    public TrtEngine Engine { get; } = engine;

    /// <summary>The turn's own copy of the session state (never the caller's object).</summary>
    public EngineState S { get; } = state;

    public TurnFacts F { get; } = facts;

    public TextAnalysis A => F.Analysis;

    public CompletionCriteria C => S.Stage1Completion;

    public QuestionKind Pending => F.Pending;

    public DateTimeOffset Now => F.Now;
}
