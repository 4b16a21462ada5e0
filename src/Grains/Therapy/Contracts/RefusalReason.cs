namespace TrtOrleans.Therapy.Contracts;

/// <summary>Why admission refused an input (docs/engine.md "Admission").</summary>
public enum RefusalReason
{
    /// <summary>Over <see cref="TurnLimits.MaxInputChars"/> characters and no crisis cue in what the engine reads.</summary>
    TooLong,

    /// <summary>The session's input limit is used up (the crisis bypass too, for a crisis input).</summary>
    RateLimited,
}
