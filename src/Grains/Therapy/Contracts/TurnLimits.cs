namespace TrtOrleans.Therapy.Contracts;

/// <summary>Size limits of admission.</summary>
public static class TurnLimits
{
    /// <summary>Characters of client input the engine reads and the session stores. A longer input is refused
    /// unless it is a crisis message, which is cut to this length (docs/engine.md "Admission").</summary>
    public const int MaxInputChars = 4000;
}
