using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>What is known about a turn before any stage runs, fixed for the whole turn: the input as read (capped),
/// its one analysis, the question that was pending and the substate the turn started in. "New" emotions and topics
/// are those absent from the lists as they were before this turn.</summary>
internal sealed record TurnFacts(
    string Input,
    TextAnalysis Analysis,
    QuestionKind Pending,
    string StartSubstate,
    IReadOnlyList<string> NewEmotions,
    IReadOnlyList<string> NewTopics,
    DateTimeOffset Now,
    string AuditRef)
{
    public override string ToString() => $"TurnFacts {{ Chars = {Input.Length}, Start = {StartSubstate} }}";
}
