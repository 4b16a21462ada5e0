namespace TrtOrleans.Grains.Interfaces;

// Wire types between the gateway and the session grain. Ids and aliases are part of the wire format:
// never renumber, reorder positional members or rename aliases.

[GenerateSerializer, Alias("trt.metadata_field.v1")]
public sealed record MetadataField([property: Id(0)] string Key, [property: Id(1)] string Value);

[GenerateSerializer, Alias("trt.session_metadata.v1")]
public sealed record SessionMetadata(
    [property: Id(0)] string? ClientId,
    [property: Id(1)] string? Platform,
    [property: Id(2)] string? AppVersion,
    [property: Id(3)] string CreatedVia,
    [property: Id(4)] string? ExternalSystemId,
    [property: Id(5)] MetadataField[] Extra)
{
    public const string ViaCreateEndpoint = "create_endpoint";
    public const string ViaInputEndpoint = "input_endpoint";
}

[GenerateSerializer, Alias("trt.create_session_request.v1")]
public sealed record CreateSessionRequest([property: Id(0)] SessionMetadata Metadata);

[GenerateSerializer, Alias("trt.create_session_result.v1")]
public sealed record CreateSessionResult(
    [property: Id(0)] bool Created,
    [property: Id(1)] DateTimeOffset CreatedAt,
    [property: Id(2)] bool QuotaExceeded = false);

[GenerateSerializer, Alias("trt.input_request.v1")]
public sealed record InputRequest(
    [property: Id(0)] string UserInput,
    [property: Id(1)] string? RequestId,
    [property: Id(2)] SessionMetadata MetadataIfCreated)
{
    /// <summary>Therapy text never reaches logs or exception messages, even through a record's generated ToString.</summary>
    public override string ToString() => $"InputRequest {{ Chars = {UserInput.Length}, RequestId = {RequestId} }}";
}

[GenerateSerializer, Alias("trt.input_status.v1")]
public enum InputStatus
{
    Processed = 0,
    Replayed = 1,
    RateLimited = 2,
    /// <summary>Input over the length limit that the crisis detector did not flag (422).</summary>
    InputTooLong = 3,
    /// <summary>The session belongs to another client (answered as 404).</summary>
    NotFound = 4,
    /// <summary>Creating the session would exceed the client's quota of live sessions (429).</summary>
    QuotaExceeded = 5,
}

[GenerateSerializer, Alias("trt.input_outcome.v1")]
public sealed record InputOutcome(
    [property: Id(0)] InputStatus Status,
    [property: Id(1)] TherapistResponse? Response,
    [property: Id(2)] int RetryAfterSeconds);

[GenerateSerializer, Alias("trt.session_status.v1")]
public sealed record SessionStatus(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string Status,
    [property: Id(2)] string CurrentStage,
    [property: Id(3)] string CurrentSubstate,
    [property: Id(4)] int BodyQuestionCount,
    [property: Id(5)] Dictionary<string, bool> CompletionCriteria,
    [property: Id(6)] int TurnCount,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] DateTimeOffset LastInteraction,
    [property: Id(9)] SessionMetadata Metadata);

[GenerateSerializer, Alias("trt.exchange.v1")]
public sealed record Exchange(
    [property: Id(0)] int Turn,
    [property: Id(1)] DateTimeOffset Timestamp,
    [property: Id(2)] string ClientInput,
    [property: Id(3)] string TherapistResponse,
    [property: Id(4)] string NavigationDecision,
    [property: Id(5)] string? RagQuery,
    [property: Id(6)] string Substate)
{
    public override string ToString() => $"Exchange {{ Turn = {Turn}, Decision = {NavigationDecision}, Substate = {Substate} }}";
}

[GenerateSerializer, Alias("trt.session_history.v1")]
public sealed record SessionHistory([property: Id(0)] string SessionId, [property: Id(1)] Exchange[] Exchanges)
{
    public override string ToString() => $"SessionHistory {{ SessionId = {SessionId}, Exchanges = {Exchanges.Length} }}";
}
