namespace TrtOrleans.Therapy.Contracts;

/// <summary>Everything one turn needs. <paramref name="AuditRef"/> is the opaque session reference the caller puts
/// in audit records (the engine never derives one from the session id). <paramref name="RecentInputs"/> are the
/// times of the session's accepted inputs, as returned by the previous turn (empty for a new session).</summary>
public sealed record TurnInput(
    EngineState State,
    string UserInput,
    DateTimeOffset Now,
    string AuditRef,
    IReadOnlyList<DateTimeOffset> RecentInputs,
    RatePolicy Rate)
{
    /// <summary>Never the text: inputs may end up in logs through a generated ToString.</summary>
    public override string ToString() => $"TurnInput {{ Chars = {UserInput.Length}, Turn = {State.TurnCount} }}";
}
