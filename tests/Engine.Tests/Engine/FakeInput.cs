using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Engine.Tests.Engine;

/// <summary>A hand-built detector result, so rule tests do not depend on the lexicons.</summary>
internal sealed class FakeInput
{
    public int Words { get; set; } = 3;
    public RiskLevel Risk { get; set; }
    public bool DenialNoted { get; set; }
    public List<string> Negative { get; set; } = [];
    public List<string> Positive { get; set; } = [];
    public List<string> Locations { get; set; } = [];
    public List<string> Sensations { get; set; } = [];
    public bool Absent { get; set; }
    public bool Present { get; set; }
    public List<string> Topics { get; set; } = [];
    public string? Statement { get; set; }
    public bool PatternAnswer { get; set; }
    public string? GoalLabel { get; set; }
    public string? GoalPhrase { get; set; }
    public bool Affirm { get; set; }
    public bool BareAffirm { get; set; }
    public bool Decline { get; set; }
    public bool NothingMore { get; set; }
    public bool Ready { get; set; }
    public bool Consent { get; set; }
    public bool Stop { get; set; }
    public bool Confusion { get; set; }
    public bool Idk { get; set; }
    public bool Maybe { get; set; }
    public bool Question { get; set; }
    public bool Past { get; set; }
    public bool Thinking { get; set; }
    public CheckpointClass Checkpoint { get; set; } = CheckpointClass.Unclear;
    public SafetyAnswerClass Safety { get; set; } = SafetyAnswerClass.Unclear;

    public TextAnalysis ToAnalysis(string raw)
    {
        var words = Enumerable.Range(0, Words).Select(i => "w" + i).ToList();
        var categories = new Dictionary<string, IReadOnlyList<string>>();
        if (Negative.Count > 0)
        {
            categories["negative_moderate"] = Negative;
        }

        if (Positive.Count > 0)
        {
            categories["positive"] = Positive;
        }

        var hit = static (bool d) => d ? new DetectorHit(true, ["cue"]) : DetectorHit.None;
        return new TextAnalysis(
            raw, raw, raw, [], words, "general_statement",
            new CrisisAnalysis(Risk, Risk > RiskLevel.None ? ["cue"] : [], Risk > RiskLevel.None ? ["crisis-cue-1"] : [], DenialNoted),
            new EmotionAnalysis(categories, Negative.Count > 0 ? 2 : 0, Negative.Count > 0 ? "moderate_distress" : "neutral_unclear", Negative, Positive),
            hit(Thinking), hit(Past), hit(Idk),
            GoalLabel is null ? GoalAnalysis.None : new GoalAnalysis(true, GoalLabel, GoalPhrase ?? GoalLabel, true),
            new BodyAnalysis(Locations, Sensations, Absent, Present),
            new ProblemAnalysis(Topics, Statement, PatternAnswer, PatternAnswer),
            new AnswerCues(Affirm, BareAffirm, Decline, NothingMore, Ready, Consent, Stop, Confusion, Idk, Maybe),
            Question, Checkpoint, Safety);
    }
}

/// <summary>Returns the registered <see cref="FakeInput"/> for an input text; unknown text is a plain statement.
/// Whitespace-only text has no word tokens.</summary>
internal sealed class FakeAnalyzer : ITextAnalyzer
{
    private readonly Dictionary<string, FakeInput> _inputs = new(StringComparer.Ordinal);

    public FakeAnalyzer Add(string text, FakeInput input)
    {
        _inputs[text] = input;
        return this;
    }

    public string DataVersion => "fake";

    public TextAnalysis Analyze(string input, QuestionKind pending)
    {
        if (_inputs.TryGetValue(input, out var known))
        {
            return known.ToAnalysis(input);
        }

        return new FakeInput { Words = string.IsNullOrWhiteSpace(input.Trim('.', '?', '!', ' ')) ? 0 : 3 }.ToAnalysis(input);
    }

    public CrisisAnalysis DetectCrisis(string input) => Analyze(input, QuestionKind.None).Crisis;
}
