namespace TrtOrleans.Therapy.Contracts;

/// <summary>Normalisation, spelling repair and every detector (docs/engine.md "The turn pipeline"). Pure and thread-safe.</summary>
public interface ITextAnalyzer
{
    /// <summary>Analyses one client input. <paramref name="pending"/> is <c>last_question_kind</c> as stored
    /// before this turn (read by the pending-goal form of the goal detector and the pending-sensation rule of the body detector).</summary>
    TextAnalysis Analyze(string input, QuestionKind pending);

    /// <summary>The crisis detector alone (the LLM output filter uses it; a turn's crisis check comes from its one analysis).</summary>
    CrisisAnalysis DetectCrisis(string input);

    /// <summary>Hash of the lexicon/spelling data files, reported in logs and audit events.</summary>
    string DataVersion { get; }
}
