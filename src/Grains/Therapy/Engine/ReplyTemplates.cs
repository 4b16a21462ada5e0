using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TrtOrleans.Therapy.Engine;

/// <summary>One template key: its variants and the facts the loader checks them against. <see cref="Fallback"/>
/// variants are used only when no variant can be filled (amendment A8: every regular variant carries the content
/// its row requires, such as the client's location; the fallback covers a turn where that content is unknown).</summary>
internal sealed record TemplateEntry(string Key, bool Question, string MustDo, IReadOnlyList<string> Variants)
{
    public IReadOnlyList<string> Fallback { get; init; } = [];
}

/// <summary>The reply wording (docs/engine.md "Reply composition"): versioned JSON files under <c>TherapyData/templates</c>, validated at load so a
/// broken file stops the host instead of producing odd replies. Read-only and shared by all sessions.</summary>
public sealed partial class ReplyTemplates
{
    /// <summary>Slots a variant may use (docs/engine.md "Reply composition" plus the engine's own helper slots).</summary>
    public static readonly IReadOnlySet<string> KnownSlots = new HashSet<string>(StringComparer.Ordinal)
    {
        "ack", "emotion", "location", "sensation", "desired_state", "problem", "ack_word", "state_word",
        "resource_line", "hold_line", "step_instruction", "prey", "predator",
    };

    private readonly Dictionary<string, TemplateEntry> _entries;

    private ReplyTemplates(string version, Dictionary<string, TemplateEntry> entries,
        IReadOnlyList<(string Prey, string Predator)> animalPairs)
    {
        Version = version;
        _entries = entries;
        AnimalPairs = animalPairs;
    }

    /// <summary>Combined version of the loaded files.</summary>
    public string Version { get; }

    /// <summary>Prey/predator pairs for the psycho-education picture, one chosen per session by seed.</summary>
    public IReadOnlyList<(string Prey, string Predator)> AnimalPairs { get; }

    public IReadOnlyCollection<string> Keys => _entries.Keys;

    internal TemplateEntry Get(string key) => _entries[key];

    internal bool TryGet(string key, out TemplateEntry entry) => _entries.TryGetValue(key, out entry!);

    /// <summary>Loads and validates <c>AppContext.BaseDirectory/TherapyData/templates/*.json</c>.</summary>
    public static ReplyTemplates LoadDefault() =>
        LoadDirectory(Path.Combine(AppContext.BaseDirectory, "TherapyData", "templates"));

    public static ReplyTemplates LoadDirectory(string directory)
    {
        var files = Directory.GetFiles(directory, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new InvalidDataException("No template files found.");
        }

        return Parse(files.Select(File.ReadAllText));
    }

    /// <summary>Parses and validates template documents; throws <see cref="InvalidDataException"/> naming the
    /// offending key and rule.</summary>
    public static ReplyTemplates Parse(IEnumerable<string> jsonDocuments)
    {
        var entries = new Dictionary<string, TemplateEntry>(StringComparer.Ordinal);
        var versions = new List<string>();
        var pairs = new List<(string, string)>();
        foreach (var json in jsonDocuments)
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            versions.Add(root.GetProperty("version").GetString() ?? throw new InvalidDataException("Template file without version."));
            if (root.TryGetProperty("animal_pairs", out var animals))
            {
                foreach (var pair in animals.EnumerateArray())
                {
                    pairs.Add((pair[0].GetString()!, pair[1].GetString()!));
                }
            }

            foreach (var prop in root.GetProperty("intents").EnumerateObject())
            {
                var question = prop.Value.TryGetProperty("question", out var q) && q.GetBoolean();
                var mustDo = prop.Value.TryGetProperty("must_do", out var m) ? m.GetString() ?? "" : "";
                var variants = prop.Value.GetProperty("variants").EnumerateArray().Select(v => v.GetString() ?? "").ToList();
                var fallback = prop.Value.TryGetProperty("fallback", out var f)
                    ? f.EnumerateArray().Select(v => v.GetString() ?? "").ToList()
                    : [];
                if (!entries.TryAdd(prop.Name, new TemplateEntry(prop.Name, question, mustDo, variants) { Fallback = fallback }))
                {
                    throw new InvalidDataException($"Template key '{prop.Name}' is defined twice.");
                }
            }
        }

        var templates = new ReplyTemplates(string.Join("+", versions), entries, pairs);
        templates.Validate();
        return templates;
    }

    private void Validate()
    {
        foreach (var key in Intents.RequiredKeys)
        {
            if (!_entries.ContainsKey(key))
            {
                throw new InvalidDataException($"Template key '{key}' is missing.");
            }
        }

        if (AnimalPairs.Count == 0)
        {
            throw new InvalidDataException("Template files define no animal_pairs.");
        }

        foreach (var entry in _entries.Values)
        {
            var crisis = entry.Key.StartsWith("crisis_", StringComparison.Ordinal);
            var minimum = crisis ? 1 : 2;
            if (entry.Variants.Count < minimum)
            {
                throw new InvalidDataException($"Template key '{entry.Key}' needs at least {minimum} variants.");
            }

            if (Intents.SlotFreeVariantRequired.Contains(entry.Key)
                && entry.Variants.Concat(entry.Fallback).All(v => SlotsOf(v).Any(s => s != "ack")))
            {
                // A variant is skipped when its slots cannot be filled; one slot-free variant keeps the key usable.
                throw new InvalidDataException($"Template key '{entry.Key}' needs a variant without content slots.");
            }

            for (var i = 0; i < entry.Variants.Count; i++)
            {
                var problem = CheckVariant(entry, entry.Variants[i]);
                if (problem is not null)
                {
                    throw new InvalidDataException($"Template '{entry.Key}' variant {i}: {problem}.");
                }
            }

            for (var i = 0; i < entry.Fallback.Count; i++)
            {
                var problem = CheckVariant(entry, entry.Fallback[i]);
                if (problem is not null)
                {
                    throw new InvalidDataException($"Template '{entry.Key}' fallback {i}: {problem}.");
                }
            }
        }
    }

    private static string? CheckVariant(TemplateEntry entry, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "empty";
        }

        if (text.Contains('\n') || text.Contains('\r') || text.Contains('*') || text.Contains('#')
            || text.Contains('`') || text.Contains("http", StringComparison.OrdinalIgnoreCase)
            || text.TrimStart().StartsWith("- ", StringComparison.Ordinal))
        {
            return "not plain text";
        }

        foreach (var slot in SlotsOf(text))
        {
            if (!KnownSlots.Contains(slot))
            {
                return $"unknown slot {{{slot}}}";
            }
        }

        var withoutSlots = SlotPattern().Replace(text, "");
        if (withoutSlots.Contains('{') || withoutSlots.Contains('}'))
        {
            return "stray brace";
        }

        if (!Intents.IsLong(entry.Key) && CountSentences(SampleFill(text)) > 3)
        {
            return "more than 3 sentences";
        }

        if (entry.Question)
        {
            var trimmed = text.TrimEnd();
            if (!trimmed.EndsWith('?') || trimmed.Count(c => c == '?') != 1)
            {
                return "a question intent must end with exactly one question mark";
            }
        }

        return null;
    }

    /// <summary>Fills helper slots with one-sentence samples so sentence counting sees the real shape.</summary>
    private static string SampleFill(string text) => SlotPattern().Replace(text, m => m.Groups[1].Value switch
    {
        "ack" or "step_instruction" or "resource_line" or "hold_line" => "Sample.",
        _ => "word",
    });

    internal static int CountSentences(string text) => SentenceEnd().Matches(text).Count;

    internal static IEnumerable<string> SlotsOf(string text) =>
        SlotPattern().Matches(text).Select(m => m.Groups[1].Value);

    /// <summary>Deterministic variation (docs/engine.md "Reply composition"): XxHash64 of "{seed}|{key}|{occurrence}" modulo the variant count.</summary>
    internal static int VariantIndex(ulong seed, string key, int occurrence, int count)
    {
        var hash = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes($"{seed}|{key}|{occurrence}"));
        return (int)(hash % (ulong)count);
    }

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex SlotPattern();

    [GeneratedRegex(@"[.!?]+(?=\s|$)")]
    private static partial Regex SentenceEnd();
}
