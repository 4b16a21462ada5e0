namespace TrtOrleans.Grains.Interfaces;

/// <summary>Creates a session from a record of the old service (tools/TrtMigrate). Implemented by the session grain
/// itself, so an imported session is an ordinary session afterwards. Idempotent: a session that already exists is
/// left as it is.</summary>
[Alias("trt.session_import")]
public interface ISessionImportGrain : IGrainWithStringKey
{
    [Alias("import.v1")]
    Task<ImportStatus> ImportAsync(ImportedSession session);
}

[GenerateSerializer, Alias("trt.import_status.v1")]
public enum ImportStatus
{
    Imported = 0,

    /// <summary>The session exists already (imported before, or created by a client since): nothing was changed.</summary>
    AlreadyExists = 1,

    /// <summary>Its last interaction is older than the session expiry: it would be erased on its next call.</summary>
    Expired = 2,
}

/// <summary>One old-service session: the state hash, the meta hash and the history list, already parsed.</summary>
[GenerateSerializer, Alias("trt.imported_session.v1")]
public sealed record ImportedSession(
    [property: Id(0)] string CurrentStage,
    [property: Id(1)] string CurrentSubstate,
    [property: Id(2)] int BodyQuestionsAsked,
    [property: Id(3)] Dictionary<string, bool> Stage1Completion,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset LastInteraction,
    [property: Id(6)] int TurnCount,
    [property: Id(7)] string Status,
    [property: Id(8)] SessionMetadata Metadata,
    [property: Id(9)] Exchange[] HistoryOldestFirst)
{
    /// <summary>Ids and counts only: the history's text never reaches logs through a generated ToString.</summary>
    public override string ToString() =>
        $"ImportedSession {{ Substate = {CurrentSubstate}, Turns = {TurnCount}, Exchanges = {HistoryOldestFirst.Length} }}";
}
