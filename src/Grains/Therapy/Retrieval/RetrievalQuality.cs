namespace TrtOrleans.Therapy.Retrieval;

/// <summary>Top-1 / top-3 accuracy of a ranker on a labelled set: the share of inputs whose labelled exemplar is
/// ranked first / among the first three (an empty result counts as a miss; <see cref="Empty"/> counts them).</summary>
public sealed record RetrievalQuality(int Count, int Top1Hits, int Top3Hits, int Empty)
{
    public double Top1 => Count == 0 ? 0 : (double)Top1Hits / Count;

    public double Top3 => Count == 0 ? 0 : (double)Top3Hits / Count;

    /// <param name="set">The labelled inputs.</param>
    /// <param name="rank">(rag_query, input) → exemplar ids, best first.</param>
    public static async Task<RetrievalQuality> MeasureAsync(IReadOnlyList<LabelledInput> set,
        Func<string, string, Task<IReadOnlyList<string>>> rank)
    {
        int top1 = 0, top3 = 0, empty = 0;
        foreach (var item in set)
        {
            var ids = await rank(item.RagQuery, item.Input).ConfigureAwait(false);
            empty += ids.Count == 0 ? 1 : 0;
            var position = ids.Take(3).ToList().IndexOf(item.BestExemplarId);
            top1 += position == 0 ? 1 : 0;
            top3 += position >= 0 ? 1 : 0;
        }

        return new RetrievalQuality(set.Count, top1, top3, empty);
    }

    public override string ToString() => $"top-1 {Top1:P1} ({Top1Hits}/{Count}), top-3 {Top3:P1} ({Top3Hits}/{Count})";
}
