using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Retrieval;

/// <summary>Converts a JSON array of legacy records <c>{id, content, metadata, tags, retrieval_contexts}</c> into
/// exemplar records (docs/engine.md "Retrieval"). Records that cannot become valid exemplars are skipped and counted by reason, so an
/// imported file never makes the corpus fail its startup check.</summary>
public sealed partial class LegacyImporter(LegacyMapping? mapping = null)
{
    public const string SkipInvalidRecord = "invalid_record";
    public const string SkipMissingId = "missing_id";
    public const string SkipDuplicateId = "duplicate_id";
    public const string SkipEmptyTherapistText = "empty_therapist_text";
    public const string SkipTherapistTextTooLong = "therapist_text_too_long";
    public const string SkipClientTextTooLong = "client_text_too_long";
    public const string SkipInvalidSlot = "invalid_slot";
    public const string SkipNoMappedContext = "no_mapped_context";

    private readonly LegacyMapping _mapping = mapping ?? LegacyMapping.Default();
    private readonly CorpusRules _rules = CorpusRules.Default;

    // A speaker label at the start of a line: "Doctor:", "Therapist:", "Dr. Q:", "Patient:", "Client:".
    [GeneratedRegex(@"(?:^|\n)[ \t]*(?<label>doctor|therapist|dr\.?[ \t]*q|patient|client)[ \t]*:", RegexOptions.IgnoreCase)]
    private static partial Regex LabelPattern();

    /// <summary>Imports the JSON text of a legacy array. Throws <see cref="JsonException"/> when it is not JSON or
    /// not an array (nothing sensible can be counted then).</summary>
    public LegacyImportResult Import(string json)
    {
        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("legacy input must be a JSON array");
        }

        var records = new List<Exemplar>();
        var skipped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var perQuery = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var read = 0;
        foreach (var item in doc.RootElement.EnumerateArray())
        {
            read++;
            var (record, reason) = Convert(item);
            if (record is not null && !seen.Add(record.Id))
            {
                (record, reason) = (null, SkipDuplicateId);
            }

            if (record is null)
            {
                skipped[reason!] = skipped.GetValueOrDefault(reason!) + 1;
                continue;
            }

            records.Add(record);
            foreach (var q in record.RagContexts)
            {
                perQuery[q] = perQuery.GetValueOrDefault(q) + 1;
            }
        }

        return new LegacyImportResult(records, read, skipped, perQuery);
    }

    /// <summary>Writes records as JSONL (UTF-8, no BOM, one record per line).</summary>
    public static void WriteJsonl(string path, IEnumerable<Exemplar> records)
    {
        var text = new StringBuilder();
        foreach (var r in records)
        {
            text.Append(ExemplarRecordJson.Serialize(r)).Append('\n');
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }

    /// <summary>Splits "Doctor: …\nPatient: …" into therapist and client text. Content without any label is taken
    /// as therapist text alone (a technique-only record).</summary>
    public static (string Therapist, string Client) SplitContent(string content)
    {
        var normalized = content.Replace("\r\n", "\n", StringComparison.Ordinal);
        var labels = LabelPattern().Matches(normalized);
        if (labels.Count == 0)
        {
            return (normalized.Trim(), "");
        }

        string? therapist = null;
        var client = new List<string>();
        for (var i = 0; i < labels.Count; i++)
        {
            var start = labels[i].Index + labels[i].Length;
            var end = i + 1 < labels.Count ? labels[i + 1].Index : normalized.Length;
            var segment = normalized[start..end].Trim();
            if (IsTherapistLabel(labels[i].Groups["label"].Value))
            {
                therapist ??= segment;
            }
            else if (segment.Length > 0)
            {
                client.Add(segment);
            }
        }

        return (therapist ?? "", string.Join(' ', client));
    }

    private static bool IsTherapistLabel(string label) => !label.Equals("patient", StringComparison.OrdinalIgnoreCase)
        && !label.Equals("client", StringComparison.OrdinalIgnoreCase);

    private (Exemplar? Record, string? Reason) Convert(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return (null, SkipInvalidRecord);
        }

        var id = item.TryGetProperty("id", out var idElement) ? idElement.ValueKind switch
        {
            JsonValueKind.String => idElement.GetString(),
            JsonValueKind.Number => idElement.GetRawText(),
            _ => null,
        } : null;
        if (string.IsNullOrWhiteSpace(id))
        {
            return (null, SkipMissingId);
        }

        var content = String(item, "content") ?? "";
        var (therapist, client) = SplitContent(content);
        if (therapist.Length == 0)
        {
            return (null, SkipEmptyTherapistText);
        }

        if (therapist.Length > _rules.MaxLegacyTherapistChars)
        {
            return (null, SkipTherapistTextTooLong);
        }

        if (client.Length > _rules.MaxClientChars)
        {
            return (null, SkipClientTextTooLong);
        }

        if (!CorpusValidator.SlotsValid(therapist))
        {
            return (null, SkipInvalidSlot);
        }

        var contexts = Strings(item, "retrieval_contexts")
            .Select(_mapping.MapContext)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (contexts.Count == 0)
        {
            return (null, SkipNoMappedContext);
        }

        var metadata = item.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        var technique = String(metadata, "dr_q_technique") ?? String(metadata, "technique");

        // source:project is reserved for records written for this project; legacy ones never count towards it.
        var tags = Strings(item, "tags")
            .Where(t => t != ExemplarVocabulary.SourceProject && t != ExemplarVocabulary.SourceLegacy)
            .Append(ExemplarVocabulary.SourceLegacy)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        return (new Exemplar(
            "legacy:" + id.Trim(),
            therapist,
            client,
            _mapping.MapSubstate(String(metadata, "trt_substate")),
            LegacyMapping.MapSituationType(String(metadata, "situation_type")),
            technique,
            contexts,
            tags), null);
    }

    private static string? String(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;

    private static IEnumerable<string> Strings(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];
}
