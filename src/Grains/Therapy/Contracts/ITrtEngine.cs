namespace TrtOrleans.Therapy.Contracts;

/// <summary>The engine: one call per turn (docs/engine.md "The turn pipeline").</summary>
public interface ITrtEngine
{
    /// <summary>A fresh session state (defaults of docs/engine.md "Session state").</summary>
    EngineState NewSession(string sessionId, DateTimeOffset now);

    /// <summary>Admission (length, crisis check, rate limit with the crisis bypass), then the turn itself. Never mutates
    /// the given state. Never throws for any input text; LLM and retrieval failures fall back to the deterministic
    /// reply.</summary>
    Task<TurnDecision> RunTurnAsync(TurnInput input, CancellationToken ct);
}
