using Microsoft.Extensions.Logging;
using TrtOrleans.Grains.Interfaces;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Grains;

// Import of an old-service session (tools/TrtMigrate, docs/operations.md). Kept apart from the turn code.
public sealed partial class SessionGrain : ISessionImportGrain
{
    private static readonly HashSet<string> KnownSubstates =
    [
        Substates.GoalAndVision, Substates.PsychoEducation, Substates.ProblemAndBody, Substates.AssessReadiness,
        Substates.AlphaPermission, Substates.AlphaSequence, Substates.Complete,
    ];

    /// <summary>One state write, like a turn's: the record with the imported exchanges as its newest turns goes to
    /// <see cref="Persistence.SessionGrainStorage"/>, which seals all but the newest into history pages (keeping as many
    /// pages as a session that lived through those turns) and stores the index entry in the same atomic step, so an
    /// import is all or nothing and a rerun finds the session and changes nothing. An operator path: the caller must
    /// be privileged (the tool marks its calls internal), and the grain key already names the client scope.</summary>
    public async Task<ImportStatus> ImportAsync(ImportedSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        CallerContext.DemandPrivileged();
        EnsureStorage();
        await ExpireIfInactiveAsync();
        if (Exists)
        {
            return ImportStatus.AlreadyExists;
        }

        if (time.GetUtcNow() - session.LastInteraction >= _options.Expiry)
        {
            return ImportStatus.Expired;
        }

        if (!KnownSubstates.Contains(session.CurrentSubstate))
        {
            throw new ArgumentException($"Unknown substate '{session.CurrentSubstate}'.", nameof(session));
        }

        var engineState = ImportedEngineState(session);
        var turns = session.HistoryOldestFirst.TakeLast(SessionLimits.HistoryCap)
            .Select(e => new StoredTurn { Exchange = e }) // no request id: an imported turn is never replayed
            .ToList();
        state.State = new SessionRecord { Engine = engineState, Metadata = session.Metadata, NewestTurns = turns };
        try
        {
            await state.WriteStateAsync(); // the commit point: state, history pages, index entry together
        }
        catch
        {
            state.State = new SessionRecord(); // not imported
            throw;
        }

        await TrackForQuotaAsync();
        LogImported(logger, SessionId, engineState.TurnCount, session.HistoryOldestFirst.Length);
        return ImportStatus.Imported;
    }

    private EngineState ImportedEngineState(ImportedSession session)
    {
        var s = engine.NewSession(SessionId, session.CreatedAt);
        s.LastInteraction = session.LastInteraction;
        s.CurrentSubstate = session.CurrentSubstate;
        s.BodyQuestionCount = session.BodyQuestionsAsked;
        s.Status = session.Status;
        s.TurnCount = Math.Max(session.TurnCount, session.HistoryOldestFirst.Select(e => e.Turn).DefaultIfEmpty(0).Max());
        s.SubstateEnteredTurn = s.TurnCount;
        var c = s.Stage1Completion;
        bool Flag(string key) => session.Stage1Completion.GetValueOrDefault(key);
        c.GoalStated = Flag("goal_stated");
        c.VisionPresented = Flag("vision_presented") || Flag("vision_accepted");
        c.VisionAccepted = Flag("vision_accepted");
        c.PsychoEducationProvided = Flag("psycho_education_provided");
        c.EducationUnderstood = Flag("education_understood");
        c.ProblemIdentified = Flag("problem_identified");
        c.EmotionIdentified = Flag("emotion_identified");
        c.BodyAwarenessPresent = Flag("body_awareness_present");
        c.PresentMomentFocus = Flag("present_moment_focus");
        c.PatternUnderstood = Flag("pattern_understood");
        c.RapportEstablished = Flag("rapport_established");
        c.ReadyForStage2 = Flag("ready_for_stage_2");
        return s;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} imported from the old service ({Turns} turns, {Exchanges} exchanges)")]
    private static partial void LogImported(ILogger logger, string sessionId, int turns, int exchanges);
}
