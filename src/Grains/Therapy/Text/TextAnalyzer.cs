using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Text;

/// <summary>Normalisation (docs/engine.md "Text normalisation and detectors"), spelling repair and every detector of docs/engine.md "Text normalisation and detectors", plus the checkpoint (docs/engine.md "The exercise") and safety
/// follow-up (docs/engine.md "Crisis protocol") classifications. Construct once: the data is compiled at construction and the instance is
/// immutable and thread-safe afterwards.</summary>
public sealed partial class TextAnalyzer : ITextAnalyzer
{
    private readonly LexiconSet _lex;
    private readonly (LexiconEntry Entry, string[] Words)[] _wholeInputAffirm;
    private readonly Dictionary<string, int> _reductionRank;

    /// <summary>Loads and compiles the data files under <paramref name="dataDirectory"/> (the folder holding
    /// <c>lexicons/</c>, <c>spelling/</c> and <c>wordlist.txt</c>).</summary>
    public TextAnalyzer(string dataDirectory)
    {
        _lex = new LexiconSet(dataDirectory);
        _wholeInputAffirm = _lex.List(ListNames.Answer)
            .Where(e => e.WholeInput && e.Category == "AFFIRM")
            .Select(e => (e, e.Pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .ToArray();
        _reductionRank = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in _lex.List(ListNames.GoalReductionLabel))
        {
            var rank = Array.IndexOf(GoalLabels, e.Category);
            if (rank < 0) throw new InvalidDataException("Unknown goal label in lexicon data.");
            _reductionRank.TryAdd(e.Pattern, rank);
        }
    }

    /// <summary>The analyzer over the data copied beside the application (<c>AppContext.BaseDirectory/TherapyData</c>).</summary>
    public static TextAnalyzer LoadDefault() => new(DefaultDataDirectory);

    /// <summary><c>AppContext.BaseDirectory/TherapyData</c>.</summary>
    public static string DefaultDataDirectory => Path.Combine(AppContext.BaseDirectory, "TherapyData");

    public string DataVersion => _lex.DataVersion;

    /// <summary>Size of the known-word set of the spelling guard (general list + domain vocabulary).</summary>
    public int KnownWordCount => _lex.Spelling.KnownWordCount;

    public CrisisAnalysis DetectCrisis(string input)
    {
        var cx = Prepare(input, out _, out _);
        return DetectCrisis(cx);
    }

    public TextAnalysis Analyze(string input, QuestionKind pending)
    {
        ArgumentNullException.ThrowIfNull(input);
        var cx = Prepare(input, out var cleaned, out var corrected);

        var crisis = DetectCrisis(cx);
        var emotion = DetectEmotion(cx, crisis);
        var answers = DetectAnswers(cx, out var idk);
        var body = DetectBody(cx, pending);
        var problem = DetectProblem(cx, pending, body, emotion);
        var thinking = Simple(cx, ListNames.Thinking, negatable: true);
        var past = body.PresentCue ? DetectorHit.None : Simple(cx, ListNames.Past, negatable: true);
        var goal = DetectGoal(cx, pending);
        var isQuestion = IsQuestion(cx, cleaned);
        // "i am good thanks, how are you?" asks something back; it does not say there is nothing more.
        if (answers.NothingMore && cleaned.TrimEnd().EndsWith('?')) answers = answers with { NothingMore = false };
        var category = InputCategory(cx, goal, problem, answers, isQuestion);
        var checkpoint = Checkpoint(cx, answers);
        var safety = SafetyAnswer(cx, answers, idk);

        return new TextAnalysis(
            OriginalInput: input,
            CleanedInput: cleaned,
            CorrectedInput: corrected.Text,
            SpellingCorrections: corrected.Corrections,
            WordTokens: cx.Words,
            InputCategory: category,
            Crisis: crisis,
            Emotion: emotion,
            Thinking: thinking,
            PastTense: past,
            IDontKnow: idk,
            Goal: goal,
            Body: body,
            Problem: problem,
            Answers: answers,
            IsQuestion: isQuestion,
            Checkpoint: checkpoint,
            SafetyAnswer: safety)
        {
            GoalIfGoalPending = pending == QuestionKind.VisionCheck ? DetectGoal(cx, QuestionKind.Goal) : null,
        };
    }

    private AnalysisContext Prepare(string input, out string cleaned, out CorrectedText corrected)
    {
        ArgumentNullException.ThrowIfNull(input);
        cleaned = TextNormalizer.Clean(input);
        var tokens = TextNormalizer.Tokenize(cleaned);
        corrected = _lex.Spelling.Apply(cleaned, tokens);
        return new AnalysisContext(_lex, corrected);
    }

    private static DetectorHit Simple(AnalysisContext cx, string list, bool negatable)
    {
        List<string>? found = null;
        foreach (var m in AnalysisContext.Longest(cx.Get(list)))
        {
            if (negatable && cx.IsNegated(m.Start)) continue;
            found ??= [];
            var text = cx.Text(m);
            if (!found.Contains(text)) found.Add(text);
        }
        return found is null ? DetectorHit.None : new DetectorHit(true, found);
    }

    private static void AddDistinct(List<string> list, string value)
    {
        if (!list.Contains(value)) list.Add(value);
    }
}
