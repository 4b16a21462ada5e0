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
    ISafetyAuditSink audit,
    IStorageAvailability storage,
    TimeProvider time,
    IOptions<SessionOptions> options,
    ILogger<SessionGrain> logger) : Grain, ISessionGrain
{
    private readonly SessionOptions _options = options.Value;
    private SessionHistoryWriter? _history;

    private string SessionId => this.GetPrimaryKeyString();

    private SessionHistoryWriter History => _history ??= new SessionHistoryWriter(SessionId, log, logger);

    private bool Exists => state.RecordExists && state.State.Engine is not null;

    /// <summary>Exists and the caller may see it: another client's session is answered as missing.</summary>
    private bool Visible => Exists && CallerContext.MayAccess(state.State.Metadata?.ClientId);

    public async Task<CreateSessionResult> CreateAsync(CreateSessionRequest request)
    {
        EnsureStorage();
        await ExpireIfInactiveAsync();
        if (Exists)
        {
            return new CreateSessionResult(false, state.State.Engine!.CreatedAt);
        }

        var created = await CreateSessionAsync(request.Metadata, engine.NewSession(SessionId, time.GetUtcNow()));
        return new CreateSessionResult(true, created.CreatedAt);
    }

    public async Task<InputOutcome> SendInputAsync(InputRequest request)
    {
        EnsureStorage();
        await ExpireIfInactiveAsync();
        if (Exists && !Visible)
        {
            return new InputOutcome(InputStatus.NotFound, null, 0);
        }

        if (request.RequestId is { } requestId && Exists && state.State.RequestIds.Contains(requestId))
        {
            return new InputOutcome(InputStatus.Replayed, await History.StoredReplyAsync(state.State.Last, requestId), 0);
        }

        // One engine call per turn: admission (length, crisis check, rate limit with its crisis bypass) and the turn.
        var now = time.GetUtcNow();
        var before = Exists ? state.State.Engine! : engine.NewSession(SessionId, now);
        var input = new TurnInput(before, request.UserInput, now, SessionRef(SessionId),
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

        if (!Exists)
        {
            await CreateSessionAsync(request.MetadataIfCreated, before);
        }

        await History.EnsureAsync(state.State.Last);
        var result = ((TurnDecision.Processed)decision).Result;
        return new InputOutcome(InputStatus.Processed, await CommitTurnAsync(request, result), 0);
    }

    public async Task<SessionStatus?> GetStatusAsync()
    {
        await ExpireIfInactiveAsync();
        return Visible ? ResponseMapper.ToStatus(SessionId, state.State.Engine!, state.State.Metadata!) : null;
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
        return new SessionHistory(SessionId, await History.ReadAsync(capped));
    }

    public async Task<bool> EraseAsync()
    {
        EnsureStorage();
        if (Exists && !Visible)
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

    private async Task<TherapistResponse> CommitTurnAsync(InputRequest request, TurnResult result)
    {
        var before = state.State;
        var response = ResponseMapper.ToWire(SessionId, result.Response, SessionLimits.MaxInputChars);
        var exchange = ResponseMapper.ToWire(result.Exchange, SessionLimits.MaxInputChars);

        var next = before.CloneShallow();
        next.Engine = result.State;
        next.Last = new LastTurn(exchange, request.RequestId, response);
        next.RecentInputs = [.. result.RecentInputs];
        var evicted = RequestIdWindow.Remember(next.RequestIds, request.RequestId);

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

        foreach (var auditEvent in result.AuditEvents)
        {
            await audit.WriteAsync(auditEvent, CancellationToken.None);
        }

        await TouchIndexAsync(result.State);
        LogTurn(logger, SessionId, result.State.TurnCount, result.Response.Navigation.Decision, result.State.CurrentSubstate);
    }

    private async Task<EngineState> CreateSessionAsync(SessionMetadata metadata, EngineState fresh)
    {
        state.State = new SessionRecord { Engine = fresh, Metadata = metadata };
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
            await audit.WriteAsync(ExpiryEvent(engineState), CancellationToken.None);
        }

        analytics.Event("session_expired");
        LogExpired(logger, SessionId, engineState.TurnCount);
        await EraseEverythingAsync();
    }

    private async Task EraseEverythingAsync()
    {
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
