using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using TrtOrleans.Grains.Index;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Grains.Persistence;

/// <summary>Grain storage of session grains (docs/architecture.md, "A turn's writes"). One write stores everything of
/// a turn in one atomic step: the record (engine state, newest exchanges with what a retried request id needs, rate
/// window, request ids), history pages sealed from the oldest exchanges, the data key, TTLs and the index entry.
/// Values are compressed and, with a key ring, encrypted under the session's own data key.</summary>
public sealed partial class SessionGrainStorage(
    ISessionStore store,
    SessionCodec codec,
    IOptions<StorageOptions> storageOptions,
    IOptions<SessionOptions> sessionOptions,
    ILogger<SessionGrainStorage> logger,
    LegacySessionLayout? legacy = null) : IGrainStorage
{
    /// <summary>The newest exchanges stay in the record: at least the engine's recent-exchange window.</summary>
    public static readonly int MinNewestTurns = EngineState.RecentExchangesCap;

    private readonly int _pageTurns = Math.Max(1, storageOptions.Value.HistoryPageTurns);

    /// <summary>Pages kept: enough for <see cref="SessionLimits.HistoryCap"/> exchanges beside the newest ones.</summary>
    public int KeepPages => (SessionLimits.HistoryCap - MinNewestTurns + _pageTurns - 1) / _pageTurns;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var sessionId = grainId.Key.ToString()!;
        var stored = await store.ReadAsync(sessionId);
        if (stored is null)
        {
            Reset(grainState);
            if (legacy is not null && await legacy.ReadAsync(sessionId) is { } migrated)
            {
                grainState.State = (T)(object)migrated;
                await WriteStateAsync(stateName, grainId, grainState);
                await legacy.DeleteAsync(sessionId);
                LogMigrated(logger, sessionId, migrated.NewestTurns.Count);
            }

            return;
        }

        var key = stored.WrappedKey is null ? null : codec.UnwrapDataKey(stored.WrappedKey, sessionId);
        var record = codec.DecodeRecord(stored.State, key, sessionId);
        record.DataKey = key;
        grainState.State = (T)(object)record;
        grainState.ETag = stored.Etag;
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var sessionId = grainId.Key.ToString()!;
        var record = grainState.State as SessionRecord ?? throw new NotSupportedException("Session storage holds SessionRecord only.");
        var engine = record.Engine ?? throw new InvalidOperationException("A session record without engine state is not stored.");
        var (dataKey, wrapped) = KeyFor(record, sessionId, creating: grainState.ETag is null);

        var turns = record.NewestTurns;
        var sealCount = turns.Count >= MinNewestTurns + _pageTurns ? (turns.Count - MinNewestTurns) / _pageTurns * _pageTurns : 0;
        var pages = new List<byte[]>();
        for (var start = 0; start < sealCount; start += _pageTurns)
        {
            pages.Add(codec.Encode(turns.GetRange(start, _pageTurns), dataKey, sessionId, 'h'));
        }

        var state = codec.EncodeRecord(record, turns.GetRange(sealCount, turns.Count - sealCount), dataKey, sessionId);

        var etag = Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
        var summary = new SessionSummary(sessionId, engine.CurrentSubstate, engine.LastInteraction, engine.TurnCount, engine.Status);
        await store.CommitAsync(sessionId, new SessionCommit(
            grainState.ETag, etag, state, pages, KeepPages, wrapped, summary, sessionOptions.Value.StorageBackstop));

        turns.RemoveRange(0, sealCount); // the record now matches what is stored
        record.DataKey = dataKey;
        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await store.EraseAsync(grainId.Key.ToString()!);
        Reset(grainState);
    }

    /// <summary>The key of this write and, when it must be stored (new session, a plain session meeting a key ring,
    /// a key wrapped by a retired ring key), its wrapped form. A new session always gets a new key.</summary>
    private (SessionDataKey? Key, byte[]? Wrapped) KeyFor(SessionRecord record, string sessionId, bool creating)
    {
        if (!codec.Encrypted)
        {
            return (null, null);
        }

        var key = creating || record.DataKey is null ? codec.NewDataKey()! : record.DataKey;
        if (!creating && record.DataKey is not null && key.WrappedBy == codec.Ring!.PrimaryKeyId)
        {
            return (key, null);
        }

        var (rewrapped, wrapped) = codec.WrapDataKey(key, sessionId);
        return (rewrapped, wrapped);
    }

    private static void Reset<T>(IGrainState<T> grainState)
    {
        grainState.State = (T)(object)new SessionRecord();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} moved from the previous storage layout ({Turns} exchanges)")]
    private static partial void LogMigrated(ILogger logger, string sessionId, int turns);
}
