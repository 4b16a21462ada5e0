using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrtOrleans.Therapy.Llm;

/// <summary>Word lists of the phrasing post-filter (docs/engine.md "LLM use"), loaded from <c>TherapyData/llm/filter.json</c> so wording
/// changes are data changes with a version.</summary>
public sealed record ReplyFilterLexicon
{
    public const string RelativePath = "llm/filter.json";

    [JsonPropertyName("version")]
    public int Version { get; init; }

    [JsonPropertyName("role_labels")]
    public IReadOnlyList<string> RoleLabels { get; init; } = [];

    [JsonPropertyName("diagnosis")]
    public IReadOnlyList<string> Diagnosis { get; init; } = [];

    [JsonPropertyName("diagnosis_lead_ins")]
    public IReadOnlyList<string> DiagnosisLeadIns { get; init; } = [];

    [JsonPropertyName("conditions")]
    public IReadOnlyList<string> Conditions { get; init; } = [];

    [JsonPropertyName("medication")]
    public IReadOnlyList<string> Medication { get; init; } = [];

    [JsonPropertyName("drug_names")]
    public IReadOnlyList<string> DrugNames { get; init; } = [];

    [JsonPropertyName("meta")]
    public IReadOnlyList<string> Meta { get; init; } = [];

    public static ReplyFilterLexicon Parse(string json) =>
        JsonSerializer.Deserialize<ReplyFilterLexicon>(json)
        ?? throw new InvalidDataException("filter.json is empty.");

    public static ReplyFilterLexicon Load(string path) => Parse(File.ReadAllText(path));

    /// <summary>Loads the shipped file from <c>AppContext.BaseDirectory/TherapyData</c>. The csproj's LinkBase does
    /// not rename items inside the project folder, so the build currently copies them as <c>Data/</c>: both are
    /// looked up, TherapyData first.</summary>
    public static ReplyFilterLexicon LoadDefault()
    {
        var primary = Path.Combine(AppContext.BaseDirectory, "TherapyData", RelativePath);
        var copied = Path.Combine(AppContext.BaseDirectory, "Data", RelativePath);
        return Load(File.Exists(primary) || !File.Exists(copied) ? primary : copied);
    }
}
