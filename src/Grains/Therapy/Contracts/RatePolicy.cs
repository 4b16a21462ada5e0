namespace TrtOrleans.Therapy.Contracts;

/// <summary>The per-session input limit the engine's admission applies (docs/engine.md "Admission").
/// <paramref name="Limit"/> inputs per <paramref name="Window"/>; a crisis input, or any input while a safety answer
/// is awaited, may go up to <paramref name="CrisisBypass"/> inputs beyond it, and no further.</summary>
public sealed record RatePolicy(int Limit, TimeSpan Window, int CrisisBypass)
{
    /// <summary>10 a minute (the HTTP API's limit) and 30 crisis inputs beyond that.</summary>
    public static readonly RatePolicy Default = new(10, TimeSpan.FromMinutes(1), 30);
}
