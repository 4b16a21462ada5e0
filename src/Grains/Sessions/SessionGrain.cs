using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrtOrleans.Grains.Analytics;
using TrtOrleans.Grains.Index;
using TrtOrleans.Grains.Interfaces;
using TrtOrleans.Grains.Persistence;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Grains;

/// <summary>One session. A turn is one state write (<see cref="SessionGrainStorage"/>): the engine state, the turn's
/// exchange with what a retried request id needs, the TTLs and the index entry go to storage in one atomic step, and
/// the reply is sent only after it succeeded.</summary>
[GrainType("session")]
[Orleans.Placement.RandomPlacement] // spreads sessions evenly over silos (the default resource-optimised placement skews)
public sealed partial class SessionGrain(
    [PersistentState(StorageNames.SessionState, StorageNames.Sessions)] IPersistentState<SessionRecord> state,
    ITrtEngine engine,
    SessionHistoryReader history,
    ISessionIndex index,
    AnalyticsRecorder analytics,
    Safety.AuditOutbox audit,
    IStorageAvailability storage,
    TimeProvider time,
    IOptions<SessionOptions> options,
    ILogger<SessionGrain> logger) : Grain, ISessionGrain
{
    private readonly SessionOptions _options = options.Value;

    /// <summary>Event ids of outbox drafts already in the audit chain; they leave the state with the next write.</summary>
    private readonly HashSet<string> _flushedAudit = new(StringComparer.Ordinal);

    /// <summary>The grain key, "{client}~{session id}" (see SessionKey): what storage, index and logs use.</summary>
    private string SessionId => this.GetPrimaryKeyString();

    /// <summary>The session id the client knows (the key without its client scope).</summary>
    private string WireId => SessionKey.Parse(SessionId).SessionId;

    /// <summary>Fail-closed ownership: the caller must be the client whose scope the key is in (or an admin).</summary>
    private bool Allowed => CallerContext.MayAccess(SessionKey.Parse(SessionId).ClientId);

    private bool Exists => state.RecordExists && state.State.Engine is not null;

    /// <summary>Exists and the caller may see it: another client's session is answered as missing.</summary>
    private bool Visible => Exists && Allowed;

    public async Task<CreateSessionResult> CreateAsync(CreateSessionRequest request)
    {
        EnsureStorage();
        if (!Allowed)
        {
            throw new UnauthorizedAccessException("The caller may not create a session in this scope.");
        }

        await ExpireIfInactiveAsync();
        if (Exists)
        {
            return new CreateSessionResult(false, state.State.Engine!.CreatedAt);
        }

        if (await QuotaReachedAsync())
        {
            return new CreateSessionResult(false, default, QuotaExceeded: true);
        }

        var created = NewSession(request.Metadata);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = new SessionRecord(); // not created
            throw;
        }

        await SessionCreatedAsync(request.Metadata);
        return new CreateSessionResult(true, created.CreatedAt);
    }

    public async Task<InputOutcome> SendInputAsync(InputRequest request)
    {
        EnsureStorage();
        if (!Allowed)
        {
            return new InputOutcome(InputStatus.NotFound, null, 0);
        }

        await FlushAuditAsync(); // drafts a crash left in the outbox
        await ExpireIfInactiveAsync();
        if (request.RequestId is { } requestId && Exists && state.State.RequestIds.Contains(requestId))
        {
            return new InputOutcome(InputStatus.Replayed, await history.FindReplyAsync(SessionId, WireId, state.State, requestId), 0);
        }

        // One engine call per turn: admission (length, crisis check, rate limit with its crisis bypass) and the turn.
        var now = time.GetUtcNow();
        var before = Exists ? state.State.Engine! : engine.NewSession(SessionId, now);
        var input = new TurnInput(before, request.UserInput, now, audit.SessionRef(SessionId),
            Exists ? state.State.RecentInputs : [], _options.Rate);
        var decision = await engine.RunTurnAsync(input, CancellationToken.None);
        if (decision is TurnDecision.Refused refused)
        {
            if (refused.Reason == RefusalReason.TooLong)
            {
                return new InputOutcome(InputStatus.InputTooLong, null, 0);
            }

            analytics.Event("rate_limited");
            LogRateLimited(logger, SessionId);
            return new InputOutcome(InputStatus.RateLimited, null, refused.RetryAfterSeconds);
        }

        var previous = state.State;
        var creating = !Exists;
        if (creating)
        {
            if (await QuotaReachedAsync())
            {
                return new InputOutcome(InputStatus.QuotaExceeded, null, QuotaRetryAfterSeconds);
            }

            NewSession(request.MetadataIfCreated, before); // stored by the turn's write: no write of an empty session
        }

        var result = ((TurnDecision.Processed)decision).Result;
        return new InputOutcome(InputStatus.Processed, await CommitTurnAsync(request, result, previous, creating), 0);
    }

    public async Task<SessionStatus?> GetStatusAsync()
    {
        await ExpireIfInactiveAsync();
        return Visible ? ResponseMapper.ToStatus(WireId, state.State.Engine!, state.State.Metadata!) : null;
    }

    public async Task<SessionHistory?> GetHistoryAsync(int limit)
    {
        EnsureStorage();
        await ExpireIfInactiveAsync();
        if (!Visible)
        {
            return null;
        }

        var capped = Math.Clamp(limit, 1, SessionLimits.HistoryCap);
        return new SessionHistory(WireId, await history.ReadAsync(SessionId, state.State, capped));
    }

    public async Task<bool> EraseAsync()
    {
        EnsureStorage();
        if (!Allowed)
        {
            return false;
        }

        var existed = Exists;
        await EraseEverythingAsync();
        LogErased(logger, SessionId, existed);
        return existed;
    }

    public async Task<bool> RemoveIfInactiveAsync(TimeSpan inactiveFor)
    {
        CallerContext.DemandPrivileged();
        await ExpireIfInactiveAsync();
        if (!Exists)
        {
            await index.RemoveAsync(SessionId); // a stale entry of a session that is already gone
            return false;
        }

        if (time.GetUtcNow() - state.State.Engine!.LastInteraction < inactiveFor)
        {
            return false;
        }

        await EraseEverythingAsync();
        LogErased(logger, SessionId, true);
        return true;
    }

    /// <summary>Fails at once while storage is unreachable: nothing of a turn may happen that cannot be persisted.</summary>
    private void EnsureStorage()
    {
        if (!storage.IsAvailable)
        {
            throw new OrleansException("Session storage is unavailable.");
        }
    }

    /// <param name="before">The record to restore when the turn fails (a blank one for a new session).</param>
    private async Task<TherapistResponse> CommitTurnAsync(InputRequest request, TurnResult result, SessionRecord before, bool creating)
    {
        var response = ResponseMapper.ToWire(WireId, result.Response, SessionLimits.MaxInputChars);
        var exchange = ResponseMapper.ToWire(result.Exchange, SessionLimits.MaxInputChars);
        var next = state.State.CloneShallow();
        next.Engine = result.State;
        next.NewestTurns.Add(StoredTurn.Of(exchange, request.RequestId, response));
        next.RecentInputs = [.. result.RecentInputs];
        RequestIdWindow.Remember(next.RequestIds, request.RequestId);
        // Outbox: the turn's audit records are committed with the turn; drafts already flushed leave the state now.
        next.PendingAudit = [
            .. before.PendingAudit.Where(d => !_flushedAudit.Contains(d.EventId)),
            .. result.AuditEvents.Select(e => audit.Draft(SessionId, e)),
        ];
        try
        {
            state.State = next;
            await state.WriteStateAsync(); // the commit point: everything of the turn, or nothing
        }
        catch
        {
            state.State = before; // nothing of this turn happened
            throw;
        }

        _flushedAudit.Clear();
        if (creating)
        {
            await SessionCreatedAsync(next.Metadata!);
        }

        await AfterTurnAsync(result);
        return response;
    }

    private async Task AfterTurnAsync(TurnResult result)
    {
        analytics.Input();
        foreach (var name in result.AnalyticsEvents)
        {
            analytics.Event(name);
        }

        await FlushAuditAsync();

        LogTurn(logger, SessionId, result.State.TurnCount, result.Response.Navigation.Decision, result.State.CurrentSubstate);
    }

    private async Task SessionCreatedAsync(SessionMetadata metadata)
    {
        await TrackForQuotaAsync();
        analytics.SessionCreated();
        LogCreated(logger, SessionId, metadata.CreatedVia);
    }

    /// <summary>A new session in memory; the caller's write stores it, and clears anything left under the id.</summary>
    private EngineState NewSession(SessionMetadata metadata, EngineState? fresh = null)
    {
        state.State = new SessionRecord { Engine = fresh ?? engine.NewSession(SessionId, time.GetUtcNow()), Metadata = metadata };
        return state.State.Engine!;
    }

    private async Task ExpireIfInactiveAsync()
    {
        if (!Exists || time.GetUtcNow() - state.State.Engine!.LastInteraction < _options.Expiry)
        {
            return;
        }

        var engineState = state.State.Engine!;
        if (engineState.CrisisActive || engineState.AwaitingSafetyAnswer)
        {
            await audit.FlushAsync([audit.Draft(SessionId, ExpiryEvent(engineState))]);
        }

        analytics.Event("session_expired");
        LogExpired(logger, SessionId, engineState.TurnCount);
        await EraseEverythingAsync();
    }

    /// <summary>State, history, stored replies, data key and index entry go in one atomic step; the audit outbox is
    /// emptied into the chain first, since the audit outlives the session.</summary>
    private async Task EraseEverythingAsync()
    {
        if (!await FlushAuditAsync())
        {
            // Never erase a draft that is not in the chain (503; the erase is retried).
            throw new OrleansException("Audit records could not be saved; the session was not erased.");
        }

        await state.ClearStateAsync();
        state.State = new SessionRecord();
        await index.RemoveAsync(SessionId); // the per-client quota set (the shard entry went with the state)
    }
}
