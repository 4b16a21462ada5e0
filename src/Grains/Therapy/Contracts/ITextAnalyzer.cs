namespace TrtOrleans.Therapy.Contracts;

/// <summary>Normalisation, spelling repair and every detector (§4–§5). Pure and thread-safe.</summary>
public interface ITextAnalyzer
{
    /// <summary>Analyses one client input. <paramref name="pending"/> is <c>last_question_kind</c> as stored
    /// before this turn (read by the pending-goal form of §5.5 and the pending-sensation rule of §5.7).</summary>
    TextAnalysis Analyze(string input, QuestionKind pending);

    /// <summary>The crisis detector alone on raw input (§13.4: the grain runs it before rate limiting).</summary>
    CrisisAnalysis DetectCrisis(string input);

    /// <summary>Hash of the lexicon/spelling data files, reported in logs and audit events.</summary>
    string DataVersion { get; }
}
