namespace TrtOrleans.Therapy.Engine;

/// <summary>What the 1.2 selector reads from an answer. <see cref="Empty"/> is the answer the selector sees when it
/// re-enters after a safety hold.</summary>
internal sealed record AnswerFacts(
    string? NewEmotion,
    string? LatestEmotion,
    string? LatestTopic,
    bool HasLocation,
    bool HasSensation)
{
    public static readonly AnswerFacts Empty = new(null, null, null, false, false);

    public bool HasEmotion => LatestEmotion is not null;

    public static AnswerFacts Of(TurnScope t) => new(
        t.F.NewEmotions.LastOrDefault(),
        t.A.Emotion.NegativeWords.LastOrDefault(),
        t.A.Problem.Topics.LastOrDefault(),
        t.A.Body.Locations.Count > 0,
        t.A.Body.Sensations.Count > 0);
}
