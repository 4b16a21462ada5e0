using System.Text.Json;
using TrtOrleans.Therapy.Retrieval;
using TrtOrleans.Tools.Exemplars;

// trt-exemplars import --legacy <in.json> --out <file.jsonl> [--map <mapping.json>]
// trt-exemplars validate [--dir <corpus dir>] [--extra <dir>]
// trt-exemplars quality [--labels <tsv>] [--rankers bm25,minilm,wordvec] [--seconds 3] [--vectors <file>]
// trt-exemplars word-vectors --out <file> [--dims 128]
// Prints counts only: exemplar text never reaches the console.
return args.FirstOrDefault() switch
{
    "import" => Import(Options(args)),
    "validate" => Validate(Options(args)),
    "quality" => await QualityCommand.RunAsync(
        Options(args).GetValueOrDefault("--labels", "tests/Engine.Tests/Retrieval/Data/labelled-inputs.tsv"),
        Options(args).GetValueOrDefault("--rankers"),
        double.Parse(Options(args).GetValueOrDefault("--seconds", "3"), System.Globalization.CultureInfo.InvariantCulture),
        Options(args).GetValueOrDefault("--vectors")),
    "word-vectors" when Options(args).TryGetValue("--out", out var output) => WordVectorBuilder.Run(
        output, int.Parse(Options(args).GetValueOrDefault("--dims", "128"), System.Globalization.CultureInfo.InvariantCulture),
        Options(args).GetValueOrDefault("--dir")),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: trt-exemplars import --legacy <in.json> --out <file.jsonl> [--map <mapping.json>]");
    Console.Error.WriteLine("       trt-exemplars validate [--dir <corpus dir>] [--extra <dir>]");
    Console.Error.WriteLine("       trt-exemplars quality [--labels <tsv>] [--rankers bm25,minilm,wordvec] [--seconds 3] [--vectors <file>]");
    Console.Error.WriteLine("       trt-exemplars word-vectors --out <file> [--dims 128] [--dir <corpus dir>]");
    return 2;
}

static Dictionary<string, string> Options(string[] args)
{
    var options = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 1; i + 1 < args.Length; i += 2)
    {
        options[args[i]] = args[i + 1];
    }

    return options;
}

static int Import(Dictionary<string, string> options)
{
    if (!options.TryGetValue("--legacy", out var input) || !options.TryGetValue("--out", out var output))
    {
        return Usage();
    }

    try
    {
        var mapping = options.TryGetValue("--map", out var map) ? LegacyMapping.FromFile(map) : LegacyMapping.Default();
        var result = new LegacyImporter(mapping).Import(File.ReadAllText(input));
        LegacyImporter.WriteJsonl(output, result.Records);
        Console.WriteLine($"read {result.Read}, imported {result.Records.Count}, skipped {result.Skipped}");
        foreach (var (reason, count) in result.SkippedByReason)
        {
            Console.WriteLine($"  skipped {reason}: {count}");
        }

        foreach (var (query, count) in result.RecordsPerRagQuery)
        {
            Console.WriteLine($"  rag_query {query}: {count}");
        }

        return 0;
    }
    catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine($"import failed: {ex.GetType().Name}");
        return 1;
    }
}

static int Validate(Dictionary<string, string> options)
{
    var corpus = ExemplarCorpus.Load(options.GetValueOrDefault("--dir"), options.GetValueOrDefault("--extra"));
    Console.WriteLine($"files {corpus.FileCount}, records {corpus.Exemplars.Count}, version {corpus.Version}, healthy {corpus.Healthy}");
    foreach (var (reason, count) in corpus.Problems)
    {
        Console.WriteLine($"  {reason}: {count}");
    }

    return corpus.Healthy ? 0 : 1;
}
