namespace TrtOrleans.Therapy.Contracts;

// The output of preprocessing and every detector (docs/engine.md "The turn pipeline"; the exercise checkpoint and the safety follow-up classes).
// Pure data: produced by TextAnalyzer.Analyze(input, pendingQuestion), read by the navigation rules.

/// <summary>A generic detector report as the HTTP API's safety_checks entries.</summary>
public sealed record DetectorHit(bool Detected, IReadOnlyList<string> PhrasesFound)
{
    public static readonly DetectorHit None = new(false, []);
}

/// <summary>Crisis detector. <see cref="Risk"/> is the input's risk; Detected == Risk ≥ Moderate.</summary>
public sealed record CrisisAnalysis(
    RiskLevel Risk,
    IReadOnlyList<string> PhrasesFound,
    IReadOnlyList<string> CueIds,
    bool DenialNoted)
{
    public bool Detected => Risk >= RiskLevel.Moderate;
}

/// <summary>Emotion detector. Categories keyed by negative_high, negative_moderate, negative_low, neutral, positive (empty ones omitted).
/// <see cref="NegativeWords"/> = the non-negated negative emotion words in input order (corrected forms).
/// <see cref="PositiveWords"/> = the non-negated positive words in input order.</summary>
public sealed record EmotionAnalysis(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Categories,
    int Intensity,
    string PrimaryEmotion,
    IReadOnlyList<string> NegativeWords,
    IReadOnlyList<string> PositiveWords);

/// <summary>Goal detector. Recognised = a goal form fired (not negated). Label ∈ calm, peaceful, at ease, lighter, happy, safe,
/// confident, vague; Phrase = the client's own state words (corrected). StateFree = fired in one of the first three
/// (state-free) forms, used by input_category.</summary>
public sealed record GoalAnalysis(bool Recognised, string? Label, string? Phrase, bool StateFree)
{
    public static readonly GoalAnalysis None = new(false, null, null, false);
    public bool Vague => Label == "vague";
}

/// <summary>Body detectors. Locations/sensations that count (after framing, anchors, body-absent voiding), input order.</summary>
public sealed record BodyAnalysis(
    IReadOnlyList<string> Locations,
    IReadOnlyList<string> Sensations,
    bool Absent,
    bool PresentCue)
{
    /// <summary>Amendment A4: the client reports the sensation changing ("it is easing", "less heavy now"). A change
    /// is presence: <see cref="PresentCue"/> is set and <see cref="Sensations"/> holds a sensation.</summary>
    public bool Changing { get; init; }

    /// <summary>The reported change is an improvement (easing, fading, lighter), not a worsening.</summary>
    public bool Improving { get; init; }
}

/// <summary>Problem and pattern detectors. Topics in input order; Statement = the matched problem-statement phrase (if any);
/// PatternCue = any pattern cue; PatternAnswerGeneral = the second (state-free) pattern-answer form holds.
/// PatternAnswer = a pattern answer by either form, given the pending question.</summary>
public sealed record ProblemAnalysis(
    IReadOnlyList<string> Topics,
    string? Statement,
    bool PatternCue,
    bool PatternAnswer);

/// <summary>Answer cue sets, already restricted to the first clause / ≤ 6 tokens rule and negation.
/// NotReadyAnywhere = "not ready" occurs anywhere (counts as DECLINE). IdkAnswer = an idk answer.</summary>
public sealed record AnswerCues(
    bool Affirm,
    bool BareAffirm,
    bool Decline,
    bool NothingMore,
    bool Ready,
    bool Consent,
    bool Stop,
    bool Confusion,
    bool IdkAnswer,
    bool Maybe);

/// <summary>Everything the navigation needs from one input.</summary>
public sealed record TextAnalysis(
    string OriginalInput,
    string CleanedInput,
    string CorrectedInput,
    IReadOnlyList<KeyValuePair<string, string>> SpellingCorrections,
    IReadOnlyList<string> WordTokens,
    string InputCategory,
    CrisisAnalysis Crisis,
    EmotionAnalysis Emotion,
    DetectorHit Thinking,
    DetectorHit PastTense,
    DetectorHit IDontKnow,
    GoalAnalysis Goal,
    BodyAnalysis Body,
    ProblemAnalysis Problem,
    AnswerCues Answers,
    bool IsQuestion,
    CheckpointClass Checkpoint,
    SafetyAnswerClass SafetyAnswer)
{
    public bool HasWords => WordTokens.Count > 0;

    /// <summary>The goal detector read as if the goal question were pending, set by the analyzer when a vision check
    /// was pending (an answer restating the goal accepts the vision). Null means "same as <see cref="Goal"/>". It lets
    /// the engine analyse each input once.</summary>
    public GoalAnalysis? GoalIfGoalPending { get; init; }

    /// <summary>Never the text: analyses may end up in logs through a generated ToString.</summary>
    public override string ToString() => $"TextAnalysis {{ Tokens = {WordTokens.Count}, Category = {InputCategory}, Risk = {Crisis.Risk} }}";
}
