namespace TrtOrleans.Cluster.Tests;

/// <summary>One HTTP attempt of the load: when it started, how long it took, what came back.</summary>
public sealed record LoadAttempt(int Client, string RequestId, DateTime StartedUtc, TimeSpan Elapsed, int Status, string? Failure)
{
    public bool Ok => Status == 200;

    public DateTime EndedUtc => StartedUtc + Elapsed;
}

/// <summary>One input a virtual client sent (possibly in several attempts with the same request id). <see cref="AckTurn"/>
/// is the turn of the 200 reply the client finally saw, or null when it gave up.</summary>
public sealed record LoadInput(int Client, string SessionId, string RequestId, string Text, int Attempts, DateTime FirstAttemptUtc, int? AckTurn, DateTime? AckUtc)
{
    public bool Acknowledged => AckTurn is not null;
}

/// <summary>Shape of the load: clients × sessions, pacing, retry budget.</summary>
public sealed record LoadOptions
{
    public int Clients { get; init; } = 8;

    /// <summary>Sessions a client cycles over at a time; each gets at most <see cref="InputsPerSession"/> inputs, then
    /// the client moves on to fresh ones, so no session comes near the 10-inputs-per-minute limit.</summary>
    public int SessionsPerClient { get; init; } = 16;

    public int InputsPerSession { get; init; } = 8;

    public TimeSpan Interval { get; init; } = TimeSpan.FromMilliseconds(250);

    public int MaxInputsPerClient { get; init; } = 180;

    /// <summary>How long a client keeps retrying one input before it gives up on it.</summary>
    public TimeSpan RetryBudget { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A deterministic turn answers in tens of milliseconds. A request in flight to a silo at the moment it
    /// dies is released by the gateway as soon as its connection to that silo drops and retried there with its
    /// request id; this client timeout only bounds what the gateway does not catch.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(2);
}
