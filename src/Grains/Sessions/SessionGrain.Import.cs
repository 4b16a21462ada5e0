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

    /// <summary>History first, state last: the state is the commit point, so an import interrupted in between is
    /// simply repeated (history appends skip turns the log already has) and never leaves a session half made.</summary>
    public async Task<ImportStatus> ImportAsync(ImportedSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
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
        foreach (var exchange in session.HistoryOldestFirst.TakeLast(SessionLimits.HistoryCap))
        {
            await log.AppendAsync(SessionId, exchange, null, []);
        }

        state.State = new SessionRecord { Engine = engineState, Metadata = session.Metadata };
        await state.WriteStateAsync();
        History.MarkFresh();
        await TouchIndexAsync(engineState);
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
