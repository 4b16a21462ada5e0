using System.Diagnostics;
using TrtOrleans.Therapy.Contracts;
using TrtOrleans.Therapy.Retrieval;
using TrtOrleans.Therapy.Text;

namespace TrtOrleans.Tools.Exemplars;

/// <summary><c>trt-exemplars quality</c>: top-1/top-3 of every ranker on the labelled set and the CPU one uncached
/// retrieval costs, measured on this process's CPU time over repeated single-threaded passes. Prints figures
/// only, never the inputs.</summary>
internal static class QualityCommand
{
    public static async Task<int> RunAsync(string labelsPath, string? rankersArg, double seconds, string? vectorsPath)
    {
        var labels = LabelledInput.LoadTsv(labelsPath);
        var analyzer = TextAnalyzer.LoadDefault();
        var corrected = labels.Select(l => l with { Input = analyzer.Analyze(l.Input, QuestionKind.None).CorrectedInput }).ToList();
        var corpus = ExemplarCorpus.Load();
        Console.WriteLine($"labelled inputs {labels.Count}, corpus {corpus.Exemplars.Count} records (version {corpus.Version}), {Environment.ProcessorCount} cores");
        Console.WriteLine();
        Console.WriteLine("| ranker | provider | top-1 | top-3 | nothing retrieved | CPU µs / retrieval |");
        Console.WriteLine("|---|---|---|---|---|---|");
        var names = (rankersArg ?? string.Join(',', Rankers.Names)).Split(',', StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in names)
        {
            using var ranker = await Rankers.CreateAsync(name, corpus, vectorsPath);
            var quality = await RetrievalQuality.MeasureAsync(corrected, async (q, input) =>
            {
                var outcome = await ranker.Retriever.RetrieveWithProviderAsync(q, input, CancellationToken.None);
                if (outcome.Provider != ranker.Retriever.Provider)
                {
                    throw new InvalidOperationException($"{name} fell back to {outcome.Provider}");
                }

                return outcome.Hits.Select(h => h.Exemplar.Id).ToList();
            });
            var micros = await CpuPerRetrievalAsync(ranker.Retriever, corrected, seconds);
            Console.WriteLine($"| {name} | {ranker.Retriever.Provider} | {quality.Top1:P1} ({quality.Top1Hits}/{quality.Count}) | {quality.Top3:P1} ({quality.Top3Hits}/{quality.Count}) | {quality.Empty} | {micros:F1} |");
        }

        return 0;
    }

    private static async Task<double> CpuPerRetrievalAsync(ExemplarRetriever retriever, IReadOnlyList<LabelledInput> set, double seconds)
    {
        await PassAsync(retriever, set); // warm-up: JIT and first-use allocations are not counted
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var count = 0;
        do
        {
            count += await PassAsync(retriever, set);
        }
        while (wall.Elapsed.TotalSeconds < seconds);

        process.Refresh();
        return (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / count;
    }

    private static async Task<int> PassAsync(ExemplarRetriever retriever, IReadOnlyList<LabelledInput> set)
    {
        foreach (var item in set)
        {
            await retriever.RetrieveWithProviderAsync(item.RagQuery, item.Input, CancellationToken.None);
        }

        return set.Count;
    }
}
