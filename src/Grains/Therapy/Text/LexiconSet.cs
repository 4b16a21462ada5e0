using System.Security.Cryptography;
using System.Text.Json;

namespace TrtOrleans.Therapy.Text;

/// <summary>The lexicon, spelling and word-list data files loaded from one data directory (docs/engine.md "Text normalisation and detectors") and compiled
/// into a trie plus the spelling corrector. Immutable after construction.</summary>
/// <remarks>
/// <c>lexicons/*.json</c>: <c>{ "version", "priority" (spelling tie-break: 0 crisis, 1 emotion, 2 body, 3 goal/state,
/// 4 other), "lists": { name: [ entry… ] } }</c>. An entry is a plain pattern string, or an object with <c>id</c>,
/// <c>category</c> (tier, emotion class, label or answer set), <c>patterns</c>, optional <c>name</c> (reported text),
/// <c>flags</c> (<c>framed</c>, <c>whole_input</c>, <c>anywhere</c>, <c>accident_voidable</c>, <c>general</c>) and
/// the token-phrase lists <c>unless_followed_by</c>, <c>unless_preceded_by</c>, <c>end_or_followed_by</c> (the match
/// counts only at the end of its clause or directly before one of these). Pattern language: words, <c>(a/b c)</c>
/// alternatives (nestable), <c>x?</c> and <c>(…)?</c> optional, <c>[adv]</c> filler run, <c>#num</c> any number.
/// <c>spelling/*.json</c>: <c>{ "version", "map": { typed: replacement words } }</c>. <c>wordlist.txt</c>: one known
/// word a line.
/// </remarks>
internal sealed class LexiconSet
{
    private readonly Dictionary<string, List<LexiconEntry>> _lists = new(StringComparer.Ordinal);

    public LexiconSet(string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        var lexiconDir = Path.Combine(dataDirectory, "lexicons");
        var spellingDir = Path.Combine(dataDirectory, "spelling");
        var wordListPath = Path.Combine(dataDirectory, "wordlist.txt");
        if (!Directory.Exists(lexiconDir)) throw new DirectoryNotFoundException("Lexicon directory missing: " + lexiconDir);

        var lexiconFiles = Directory.GetFiles(lexiconDir, "*.json").OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal).ToArray();
        var spellingFiles = Directory.Exists(spellingDir)
            ? Directory.GetFiles(spellingDir, "*.json").OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal).ToArray()
            : [];

        var entries = new List<LexiconEntry>();
        var priorities = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in lexiconFiles) LoadLexiconFile(file, entries, priorities);

        var fillers = _lists.TryGetValue("filler", out var fillerEntries) ? fillerEntries.Select(e => e.Pattern).ToArray() : [];
        Trie = new PatternTrie(fillers);
        foreach (var entry in entries) Trie.Add(entry);

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in spellingFiles)
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            foreach (var prop in doc.RootElement.GetProperty("map").EnumerateObject())
            {
                map[prop.Name] = prop.Value.GetString() ?? throw new InvalidDataException("Spelling map values are strings.");
                foreach (var w in map[prop.Name].Split(' ', StringSplitOptions.RemoveEmptyEntries)) AddPriority(priorities, w, 4);
            }
        }
        var general = File.Exists(wordListPath) ? File.ReadLines(wordListPath).Where(l => l.Length > 0) : [];
        Spelling = new SpellingCorrector(map, general, priorities);

        DataVersion = ComputeVersion(dataDirectory, lexiconFiles.Concat(spellingFiles).Append(wordListPath));
    }

    public PatternTrie Trie { get; }
    public SpellingCorrector Spelling { get; }
    public string DataVersion { get; }

    public IReadOnlyList<LexiconEntry> List(string name) => _lists.TryGetValue(name, out var l) ? l : [];

    private void LoadLexiconFile(string file, List<LexiconEntry> entries, Dictionary<string, int> priorities)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var root = doc.RootElement;
        if (!root.TryGetProperty("version", out _)) throw new InvalidDataException("Lexicon file without version: " + Path.GetFileName(file));
        var priority = root.TryGetProperty("priority", out var pr) ? pr.GetInt32() : 4;
        foreach (var listProp in root.GetProperty("lists").EnumerateObject())
        {
            if (!_lists.TryGetValue(listProp.Name, out var list)) _lists[listProp.Name] = list = [];
            foreach (var item in listProp.Value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    var single = Create(listProp.Name, item.GetString()!, item.GetString()!, "", default);
                    Register(single, list, entries, priorities, priority);
                    continue;
                }
                var id = item.TryGetProperty("id", out var idEl) ? idEl.GetString()! : listProp.Name + "." + list.Count;
                var category = item.TryGetProperty("category", out var catEl) ? catEl.GetString()! : "";
                foreach (var pattern in item.GetProperty("patterns").EnumerateArray())
                {
                    var e = Create(listProp.Name, id, pattern.GetString()!, category, item);
                    Register(e, list, entries, priorities, priority);
                }
            }
        }
    }

    private static void Register(LexiconEntry e, List<LexiconEntry> list, List<LexiconEntry> entries, Dictionary<string, int> priorities, int priority)
    {
        list.Add(e);
        entries.Add(e);
        foreach (var seq in PatternTrie.Expand(e.Pattern))
        {
            foreach (var w in seq)
            {
                if (w != PatternTrie.FillerMarker && w != PatternTrie.NumberToken) AddPriority(priorities, w, priority);
            }
        }
        foreach (var phrase in e.UnlessFollowedBy.Concat(e.UnlessPrecededBy).Concat(e.EndOrFollowedBy))
        {
            foreach (var w in phrase) AddPriority(priorities, w, priority);
        }
    }

    private static void AddPriority(Dictionary<string, int> priorities, string word, int priority)
    {
        if (!priorities.TryGetValue(word, out var existing) || priority < existing) priorities[word] = priority;
    }

    private static LexiconEntry Create(string list, string id, string pattern, string category, JsonElement item)
    {
        var flags = new HashSet<string>(StringComparer.Ordinal);
        string? name = null;
        string[][] followed = [], preceded = [], endOr = [];
        if (item.ValueKind == JsonValueKind.Object)
        {
            if (item.TryGetProperty("flags", out var f)) foreach (var x in f.EnumerateArray()) flags.Add(x.GetString()!);
            if (item.TryGetProperty("name", out var n)) name = n.GetString();
            followed = Phrases(item, "unless_followed_by");
            preceded = Phrases(item, "unless_preceded_by");
            endOr = Phrases(item, "end_or_followed_by");
        }
        return new LexiconEntry
        {
            List = list, Id = id, Pattern = pattern.Trim(), Category = category, Name = name,
            Framed = flags.Contains("framed"), WholeInput = flags.Contains("whole_input"), Anywhere = flags.Contains("anywhere"),
            AccidentVoidable = flags.Contains("accident_voidable"), General = flags.Contains("general"),
            UnlessFollowedBy = followed, UnlessPrecededBy = preceded, EndOrFollowedBy = endOr,
        };
    }

    private static string[][] Phrases(JsonElement item, string property) =>
        item.TryGetProperty(property, out var el)
            ? el.EnumerateArray().Select(x => x.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray()
            : [];

    private static string ComputeVersion(string root, IEnumerable<string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            if (!File.Exists(file)) continue;
            var rel = Path.GetRelativePath(root, file).Replace('\\', '/');
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(rel + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }
}
