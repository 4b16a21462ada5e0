using System.Diagnostics;
using TrtOrleans.Therapy.Contracts;
using TrtOrleans.Therapy.Engine;
using TrtOrleans.Therapy.Retrieval;
using TrtOrleans.Therapy.Text;

namespace TrtOrleans.Bench;

/// <summary>CPU cost of the engine in deterministic mode (no LLM), per turn, single-threaded:
/// turns without retrieval, turns with lexical (BM25) retrieval, and one sentence embedding with the local model.
/// Baseline in the same run: the text analyzer alone (normalisation, spelling and every detector), which every turn
/// pays. Corpus embeddings are computed once before timing, as at silo start.</summary>
internal static class EngineBench
{
    internal static readonly string[] Script =
    [
        "Hi. I've been on edge for weeks.", "I'd like to feel settled again", "Yes, that's exactly it",
        "Makes sense to me", "Money. The rent went up and I can't cover it", "A tight band across my chest",
        "Yes, it's there right now", "I notice it every time I open my banking app", "No, that covers it",
        "Sure, let's try", "A little calmer", "Calmer again", "Much more relaxed", "Lighter, thank you",
    ];

    public static async Task<int> RunAsync(int turns)
    {
        var analyzer = TextAnalyzer.LoadDefault();
        var templates = ReplyTemplates.LoadDefault();
        var corpus = ExemplarCorpus.Load();
        var bm25 = new ExemplarRetriever(corpus, embedders: []);
        await bm25.InitializeAsync(CancellationToken.None);
        var plain = new TrtEngine(analyzer, templates);
        var lexical = new TrtEngine(analyzer, templates, bm25);

        var baseline = Measure(turns, i => analyzer.Analyze(Script[i % Script.Length], QuestionKind.Goal));
        var withoutRetrieval = await MeasureTurnsAsync(plain, turns);
        var withLexical = await MeasureTurnsAsync(lexical, turns);

        var midState = await StateAfterAsync(plain, 10);
        var clone = Measure(turns, _ => midState.DeepClone());

        using var minilm = new MiniLmTextEmbedder();
        minilm.Embed(["warm up the model"]);
        var embedding = Measure(Math.Min(turns, 500), i => minilm.Embed([Script[i % Script.Length]]));
        var oneCaller = EmbeddingsPerSecond(minilm, 1, 300);
        var allCores = EmbeddingsPerSecond(minilm, Environment.ProcessorCount, 300);

        Console.WriteLine($"baseline: text analyzer only       {baseline}");
        Console.WriteLine($"turn without retrieval              {withoutRetrieval}   ratio {withoutRetrieval.MedianUs / baseline.MedianUs:F1}x");
        Console.WriteLine($"turn with lexical (BM25) retrieval  {withLexical}   ratio {withLexical.MedianUs / baseline.MedianUs:F1}x");
        Console.WriteLine($"  of which: state deep copy         {clone}   ratio {clone.MedianUs / baseline.MedianUs:F1}x");
        Console.WriteLine($"one MiniLM sentence embedding       {embedding}   ratio {embedding.MedianUs / baseline.MedianUs:F1}x");
        Console.WriteLine($"embedding throughput: 1 caller {oneCaller:F0}/s, {Environment.ProcessorCount} concurrent callers {allCores:F0}/s ({allCores / oneCaller:F1}x)");
        Console.WriteLine($"targets: turn without embedding median < 200 µs: {(withLexical.MedianUs < 200 && withoutRetrieval.MedianUs < 200 ? "met" : "NOT met")}; " +
            $"one embedding median < 3 ms: {(embedding.MedianUs < 3000 ? "met" : "NOT met")}");
        return 0;
    }

    /// <summary>Times every turn of whole scripted conversations (14 turns each, fresh session ids) until
    /// <paramref name="turns"/> turns are measured; a short warm-up run first.</summary>
    private static async Task<Stats> MeasureTurnsAsync(TrtEngine engine, int turns)
    {
        await RunConversationsAsync(engine, 200, null);
        var samples = new List<double>(turns);
        await RunConversationsAsync(engine, turns, samples);
        return Stats.Of(samples);
    }

    private static async Task RunConversationsAsync(TrtEngine engine, int turns, List<double>? samples)
    {
        var now = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
        var done = 0;
        for (var session = 0; done < turns; session++)
        {
            var state = engine.NewSession($"bench_{session}", now);
            foreach (var text in Script)
            {
                if (done++ >= turns)
                {
                    break;
                }

                var t0 = Stopwatch.GetTimestamp();
                var result = await TurnAsync(engine, state, text, now);
                samples?.Add(Stats.ElapsedUs(t0));
                state = result.State;
            }
        }
    }

    private static double EmbeddingsPerSecond(MiniLmTextEmbedder minilm, int callers, int total)
    {
        var clock = Stopwatch.StartNew();
        Parallel.For(0, total, new ParallelOptions { MaxDegreeOfParallelism = callers }, i => minilm.Embed([Script[i % Script.Length]]));
        return total / clock.Elapsed.TotalSeconds;
    }

    private static async Task<EngineState> StateAfterAsync(TrtEngine engine, int turns)
    {
        var now = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
        var state = engine.NewSession("bench_state", now);
        foreach (var text in Script.Take(turns))
        {
            state = (await TurnAsync(engine, state, text, now)).State;
        }

        return state;
    }

    /// <summary>One turn through the engine's single entry point (admission included; the bench never hits a limit).</summary>
    internal static async Task<TurnResult> TurnAsync(TrtEngine engine, EngineState state, string text, DateTimeOffset now)
    {
        var input = new TurnInput(state, text, now, "bench", [], RatePolicy.Default);
        return ((TurnDecision.Processed)await engine.RunTurnAsync(input, CancellationToken.None)).Result;
    }

    private static Stats Measure(int count, Action<int> action)
    {
        for (var i = 0; i < Math.Min(200, count); i++)
        {
            action(i);
        }

        var samples = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            action(i);
            samples.Add(Stats.ElapsedUs(t0));
        }

        return Stats.Of(samples);
    }
}
