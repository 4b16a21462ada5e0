using System.Security.Cryptography;
using System.Text;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>One turn of the §6 pipeline over a private copy of the state. Created per turn, never shared: all
/// per-session data lives in <see cref="EngineState"/>, the engine's shared objects are read-only.</summary>
internal sealed partial class TurnProcessor
{
    private readonly TrtEngine _engine;
    private readonly EngineState _s;
    private readonly string _input;
    private readonly TurnContext _ctx;
    private readonly List<string> _analytics = [];
    private readonly List<(string Type, RiskLevel Risk)> _auditTypes = [];

    private TextAnalysis _a = null!;
    private QuestionKind _pending;
    private string _startSubstate = "";
    private IReadOnlyDictionary<string, bool> _criteriaBefore = null!;
    private List<string> _newEmotions = [];
    private List<string> _newTopics = [];
    private TurnPlan _plan = null!;
    private string? _reasoning;

    // Gate bookkeeping: G1–G3 turns count toward neither turns_in_substate nor rapport (§3, §2.2).
    private bool _gateTurn;
    private bool _safetyTurn;
    private bool _crisisFlag;
    private RiskLevel _reportedRisk;
    private bool _holdNote;
    private bool _goalChanged;
    private string? _readinessEntryReason;
    private string? _ack;
    private bool _ackBuilt;

    public TurnProcessor(TrtEngine engine, EngineState state, string input, TurnContext ctx)
    {
        _engine = engine;
        _s = state;
        _input = input;
        _ctx = ctx;
    }

    private CompletionCriteria C => _s.Stage1Completion;

    public async Task<TurnResult> RunAsync(CancellationToken ct)
    {
        // Step 1.
        _s.TurnCount++;
        _s.LastInteraction = _ctx.Now;
        _pending = _s.LastQuestionKind;
        _startSubstate = _s.CurrentSubstate;

        // Step 2: detectors are pure; they read the pending question as stored before this turn.
        _a = _engine.Analyzer.Analyze(_input, _pending);
        _criteriaBefore = _s.CompletionCriteriaMap();
        _newEmotions = _a.Emotion.NegativeWords.Where(w => !_s.Emotions.Contains(w)).Distinct().ToList();
        _newTopics = _a.Problem.Topics.Where(t => !_s.ProblemTopics.Contains(t)).Distinct().ToList();
        _reportedRisk = _a.Crisis.Risk;

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(TimeSpan.FromSeconds(Math.Max(0.1, _engine.Options.LlmTurnBudgetSeconds)));

        // Any input with word tokens ends a silence streak, whichever gate handles it (§6 step 5).
        if (_a.HasWords)
        {
            _s.SilenceStreak = 0;
        }

        if (_a.Crisis.Risk >= RiskLevel.Moderate)
        {
            CrisisTurn(); // G1
        }
        else if (_s.AwaitingSafetyAnswer)
        {
            FollowUpTurn(); // G2
        }
        else if (!_a.HasWords)
        {
            SilenceTurn(); // G3
        }
        else if (!TryRedirect()) // G4/G5
        {
            Interpret(); // step 7
            await NavigateAsync(budget.Token); // steps 7–8
        }

        if (_a.Crisis.DenialNoted && _a.Crisis.Risk < RiskLevel.Moderate)
        {
            _auditTypes.Add(("safety_denial_noted", RiskLevel.Low));
        }

        var reply = await ComposeReplyAsync(budget.Token); // step 9
        Emit(reply); // step 10
        return BuildResult(reply); // step 11
    }

    // ── transitions (§8) ──

    private void Transition(string to, string reason)
    {
        var from = _s.CurrentSubstate;
        _s.CurrentSubstate = to;
        _s.SubstateEnteredTurn = _s.TurnCount;
        _s.TurnsInSubstate = 0;
        AddEvent("substate_advanced", $"{from} -> {to} ({reason})");
        if (to == Substates.Complete)
        {
            _s.Status = "completed";
            _s.CompletedAt ??= _ctx.Now;
        }
    }

    private void AddEvent(string name, string detail)
    {
        _s.CompletionEvents.Add(new CompletionEvent
        {
            Event = name, Turn = _s.TurnCount, Timestamp = _ctx.Now, Detail = detail,
        });
        Trim(_s.CompletionEvents, EngineState.CompletionEventsCap);
    }

    // ── bounded lists ──

    private static void Trim<T>(List<T> list, int cap)
    {
        if (list.Count > cap)
        {
            list.RemoveRange(0, list.Count - cap);
        }
    }

    /// <summary>Adds a value as the latest entry (moving it if already present) and drops the oldest beyond the cap.</summary>
    private static void AddLatest(List<string> list, string value, int cap)
    {
        list.Remove(value);
        list.Add(value);
        Trim(list, cap);
    }

    private static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text[..max];
        var space = cut.LastIndexOf(' ');
        return space > max / 2 ? cut[..space] : cut;
    }

    // ── result (§12.3) ──

    private TurnResult BuildResult(string reply)
    {
        var crisis = _a.Crisis;
        var preprocessing = new PreprocessingReport(
            _a.OriginalInput,
            _a.CleanedInput,
            _a.CorrectedInput,
            new EmotionalStateReport(_a.Emotion.Categories, _a.Emotion.Intensity, _a.Emotion.PrimaryEmotion),
            _a.InputCategory,
            _a.SpellingCorrections,
            new SafetyChecksReport(
                new SelfHarmReport(crisis.Detected, crisis.PhrasesFound, crisis.Risk.Name()),
                _a.Thinking,
                _a.PastTense,
                _a.IDontKnow));
        var navigation = new NavigationReport(
            _plan.Decision,
            _plan.Situation,
            _s.CurrentSubstate,
            _plan.RagQuery,
            _reasoning ?? $"{_plan.RuleId} {_plan.Summary}");
        var progress = new SessionProgressReport(
            _s.CurrentStage, _s.CurrentSubstate, _s.BodyQuestionCount, _s.CompletionCriteriaMap());
        var resources = _safetyTurn ? (IReadOnlyList<string>)[.. _engine.Options.Resources] : [];
        var safety = new SafetyReport(_crisisFlag, _reportedRisk.Name(), resources);
        var response = new TurnResponse(_s.TurnCount, reply, preprocessing, navigation, progress, safety, _ctx.Now);
        var exchange = new HistoryExchange(
            _s.TurnCount, _ctx.Now, _input, reply, _plan.Decision, _plan.RagQuery, _s.CurrentSubstate);

        _analytics.Insert(0, "decision:" + _plan.Decision);
        return new TurnResult(_s, response, exchange, BuildAudit(), _analytics);
    }

    private List<SafetyAuditEvent> BuildAudit()
    {
        if (_auditTypes.Count == 0)
        {
            return [];
        }

        var sessionRef = SessionRef(_s.SessionId);
        return _auditTypes.Select(t => new SafetyAuditEvent(
            EventId(sessionRef, t.Type),
            t.Type,
            sessionRef,
            _s.TurnCount,
            _ctx.Now,
            t.Risk.Name(),
            _a.Crisis.CueIds,
            _engine.Analyzer.DataVersion,
            _plan.Intent,
            _safetyTurn,
            _s.HandoffRecommended)).ToList();
    }

    /// <summary>Audit records name the session only by a hash (§13.2: no raw identifiers or text).</summary>
    internal static string SessionRef(string sessionId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("trt-session:" + sessionId)))[..32];

    private string EventId(string sessionRef, string type) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{sessionRef}|{_s.TurnCount}|{type}")))[..32];
}
