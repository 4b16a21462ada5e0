using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrtOrleans.Grains.Analytics;
using TrtOrleans.Grains.Index;
using TrtOrleans.Grains.Interfaces;
using TrtOrleans.Grains.Persistence;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Grains;

/// <summary>One session. Order of writes in a turn: (1) grain state, which carries the turn's exchange and reply —
/// the commit point; (2) the history list and stored reply, idempotently. A crash between them is repaired from (1)
/// before the history is next read or appended, so a client never sees state and history disagree.</summary>
[GrainType("session")]
[Orleans.Placement.RandomPlacement] // spreads sessions evenly over silos (the default resource-optimised placement skews)
public sealed partial class SessionGrain(
    [PersistentState(StorageNames.SessionState, StorageNames.Sessions)] IPersistentState<SessionRecord> state,
    ITrtEngine engine,
    ISessionLog log,
    ISessionIndex index,
    AnalyticsRecorder analytics,
    Safety.AuditOutbox audit,
    IStorageAvailability storage,
    TimeProvider time,
    IOptions<SessionOptions> options,
    ILogger<SessionGrain> logger) : Grain, ISessionGrain
{
    private readonly SessionOptions _options = options.Value;
    private SessionHistoryWriter? _history;

    /// <summary>Event ids of outbox drafts already in the audit chain; they leave the state with the next write.</summary>
    private readonly HashSet<string> _flushedAudit = new(StringComparer.Ordinal);

    /// <summary>The grain key, "{client}~{session id}" (see SessionKey): what storage, index and logs use.</summary>
    private string SessionId => this.GetPrimaryKeyString();

    /// <summary>The session id the client knows (the key without its client scope).</summary>
    private string WireId => SessionKey.Parse(SessionId).SessionId;

    /// <summary>Fail-closed ownership: the caller must be the client whose scope the key is in (or an admin).</summary>
    private bool Allowed => CallerContext.MayAccess(SessionKey.Parse(SessionId).ClientId);

    private SessionHistoryWriter History => _history ??= new SessionHistoryWriter(SessionId, log, logger);

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

        var created = await CreateSessionAsync(request.Metadata);
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
            return new InputOutcome(InputStatus.Replayed, await History.StoredReplyAsync(state.State.Last, requestId), 0);
        }

        var now = time.GetUtcNow();
        var detected = engine.DetectCrisis(request.UserInput);
        var crisis = detected.Detected;
        if (request.UserInput.Length > SessionLimits.MaxInputChars && !crisis)
        {
            return new InputOutcome(InputStatus.InputTooLong, null, 0);
        }

        Safety.AuditDraft? bypass = null;
        if (Exists && RateLimiter.RetryAfter(state.State.RecentInputs, now, _options) is { } retryAfter)
        {
            var crisisHold = state.State.Engine!.CrisisActive || state.State.Engine.AwaitingSafetyAnswer;
            if (!crisis && !crisisHold)
            {
                analytics.Event("rate_limited");
                LogRateLimited(logger, SessionId);
                return new InputOutcome(InputStatus.RateLimited, null, retryAfter);
            }

            bypass = audit.Draft(SessionId, BypassEvent(now, detected)); // written with the turn (outbox)
        }

        if (!Exists)
        {
            if (await QuotaReachedAsync())
            {
                return new InputOutcome(InputStatus.QuotaExceeded, null, QuotaRetryAfterSeconds);
            }

            await CreateSessionAsync(request.MetadataIfCreated);
        }

        await History.EnsureAsync(state.State.Last);
        return new InputOutcome(InputStatus.Processed, await ProcessTurnAsync(request, now, bypass), 0);
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

        await History.EnsureAsync(state.State.Last);
        var capped = Math.Clamp(limit, 1, SessionLimits.HistoryCap);
        return new SessionHistory(WireId, await History.ReadAsync(capped));
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

    private async Task<TherapistResponse> ProcessTurnAsync(InputRequest request, DateTimeOffset now, Safety.AuditDraft? bypass)
    {
        var before = state.State;
        var result = await engine.ProcessTurnAsync(before.Engine!, request.UserInput, new TurnContext(now), CancellationToken.None);
        var response = ResponseMapper.ToWire(WireId, result.Response, SessionLimits.MaxInputChars);
        var exchange = ResponseMapper.ToWire(result.Exchange, SessionLimits.MaxInputChars);

        var next = before.CloneShallow();
        next.Engine = result.State;
        next.Last = new LastTurn(exchange, request.RequestId, response);
        RateLimiter.Record(next.RecentInputs, now, _options);
        var evicted = RequestIdWindow.Remember(next.RequestIds, request.RequestId);
        // Outbox: the turn's audit records are committed with the turn; drafts already flushed leave the state now.
        next.PendingAudit = [
            .. before.PendingAudit.Where(d => !_flushedAudit.Contains(d.EventId)),
            .. bypass is null ? [] : new[] { bypass },
            .. result.AuditEvents.Select(e => audit.Draft(SessionId, e)),
        ];

        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = before; // nothing of this turn happened
            throw;
        }

        _flushedAudit.Clear();

        await History.AppendAsync(next.Last, evicted);
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

        await TouchIndexAsync(result.State);
        LogTurn(logger, SessionId, result.State.TurnCount, result.Response.Navigation.Decision, result.State.CurrentSubstate);
    }

    private async Task<EngineState> CreateSessionAsync(SessionMetadata metadata)
    {
        var now = time.GetUtcNow();
        state.State = new SessionRecord { Engine = engine.NewSession(SessionId, now), Metadata = metadata };
        await state.WriteStateAsync();
        History.MarkFresh();
        analytics.SessionCreated();
        await TouchIndexAsync(state.State.Engine!);
        LogCreated(logger, SessionId, metadata.CreatedVia);
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

    private async Task EraseEverythingAsync()
    {
        if (!await FlushAuditAsync())
        {
            // The audit outlives the session: never erase a draft that is not in the chain (503; the erase is retried).
            throw new OrleansException("Audit records could not be saved; the session was not erased.");
        }
        await state.ClearStateAsync();
        state.State = new SessionRecord();
        await History.DeleteAsync();
        await index.RemoveAsync(SessionId);
    }

    private async Task TouchIndexAsync(EngineState s)
    {
        try
        {
            await index.TouchAsync(new SessionSummary(SessionId, s.CurrentSubstate, s.LastInteraction, s.TurnCount, s.Status));
        }
        catch (Exception ex)
        {
            // The index is rebuilt by the next turn; a failure here must not fail a committed turn.
            LogIndexFailed(logger, SessionId, ex.GetType().Name);
        }
    }
}
