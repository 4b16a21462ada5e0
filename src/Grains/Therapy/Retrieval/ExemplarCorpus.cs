using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Retrieval;

/// <summary>The validated exemplar corpus (docs/engine.md "Retrieval"): every <c>*.jsonl</c> of the shipped directory plus an optional
/// directory of imported files. Any validation failure leaves the corpus empty and unhealthy so that the engine
/// replies from templates; <see cref="Problems"/> says why in counts only.</summary>
public sealed class ExemplarCorpus
{
    private readonly Dictionary<string, Exemplar> _byId;

    private ExemplarCorpus(IReadOnlyList<Exemplar> exemplars, bool healthy, string version,
        IReadOnlyDictionary<string, int> problems, int fileCount)
    {
        Exemplars = exemplars;
        Healthy = healthy;
        Version = version;
        Problems = problems;
        FileCount = fileCount;
        _byId = exemplars.ToDictionary(e => e.Id, StringComparer.Ordinal);
    }

    /// <summary>Default location of the shipped corpus in the output folder.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "TherapyData", "exemplars");

    /// <summary>Records in file-name order, then line order; empty when unhealthy.</summary>
    public IReadOnlyList<Exemplar> Exemplars { get; }

    public bool Healthy { get; }

    /// <summary>Short SHA-256 of the loaded files (names and bytes), part of the retrieval cache key.</summary>
    public string Version { get; }

    /// <summary>Validation reasons with counts (or a count-like figure for coverage); empty when healthy.</summary>
    public IReadOnlyDictionary<string, int> Problems { get; }

    public int FileCount { get; }

    public Exemplar? Find(string id) => _byId.GetValueOrDefault(id);

    public static ExemplarCorpus Empty { get; } = new([], false, "none", new Dictionary<string, int>(), 0);

    /// <summary>Loads and validates. Never throws: unreadable directories or lines are reported as problems.</summary>
    public static ExemplarCorpus Load(string? directory = null, string? extraDirectory = null, CorpusRules? rules = null)
    {
        rules ??= CorpusRules.Default;
        var problems = new Dictionary<string, int>(StringComparer.Ordinal);
        var files = new List<string>();
        foreach (var dir in new[] { directory ?? DefaultDirectory, extraDirectory })
        {
            if (dir is null)
            {
                continue;
            }

            if (!Directory.Exists(dir))
            {
                CorpusValidator.Count(problems, "directory_missing");
                continue;
            }

            files.AddRange(Directory.GetFiles(dir, "*.jsonl").OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal));
        }

        var records = new List<Exemplar>();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(file);
            }
            catch (IOException)
            {
                CorpusValidator.Count(problems, "file_unreadable");
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                CorpusValidator.Count(problems, "file_unreadable");
                continue;
            }

            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            hash.AppendData(bytes);
            ParseLines(Encoding.UTF8.GetString(bytes), records, problems);
        }

        var version = Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
        return Build(records, version, files.Count, rules, problems);
    }

    /// <summary>A corpus from records already in memory (tests, tools). The version hashes the records.</summary>
    public static ExemplarCorpus FromRecords(IEnumerable<Exemplar> records, CorpusRules? rules = null)
    {
        var list = records.ToList();
        var text = string.Join('\n', list.Select(ExemplarRecordJson.Serialize));
        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
        return Build(list, version, 0, rules ?? CorpusRules.Default, new Dictionary<string, int>(StringComparer.Ordinal));
    }

    /// <summary>Parses JSONL text; blank lines are ignored, bad lines counted.</summary>
    internal static void ParseLines(string text, List<Exemplar> records, Dictionary<string, int> problems)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                var dto = JsonSerializer.Deserialize<ExemplarRecordJson>(line, ExemplarRecordJson.Options);
                if (dto is null)
                {
                    CorpusValidator.Count(problems, "invalid_json");
                    continue;
                }

                records.Add(dto.ToExemplar());
            }
            catch (JsonException)
            {
                CorpusValidator.Count(problems, "invalid_json");
            }
        }
    }

    private static ExemplarCorpus Build(List<Exemplar> records, string version, int fileCount, CorpusRules rules,
        Dictionary<string, int> problems)
    {
        foreach (var record in records)
        {
            CorpusValidator.CheckRecord(record, rules, problems);
        }

        CorpusValidator.CheckCorpus(records, rules, problems);
        return problems.Count == 0
            ? new ExemplarCorpus(records, true, version, problems, fileCount)
            : new ExemplarCorpus([], false, version, problems, fileCount);
    }
}
