namespace TrtOrleans.Therapy.Contracts;

/// <summary>The engine's answer to one input: refused by admission, or processed.</summary>
public abstract record TurnDecision
{
    private TurnDecision()
    {
    }

    /// <summary>Nothing happened: the state is unchanged and the input is not recorded.
    /// <paramref name="RetryAfterSeconds"/> is set for <see cref="RefusalReason.RateLimited"/>, 0 otherwise.</summary>
    public sealed record Refused(RefusalReason Reason, int RetryAfterSeconds) : TurnDecision;

    /// <summary>The turn ran; persist <see cref="TurnResult.State"/> and <see cref="TurnResult.RecentInputs"/>.</summary>
    public sealed record Processed(TurnResult Result) : TurnDecision;
}
