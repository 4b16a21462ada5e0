using System.Text.Json;
using System.Text.Json.Serialization;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Retrieval;

/// <summary>The on-disk shape of one exemplar line (docs/engine.md "Retrieval"), snake_case.</summary>
internal sealed class ExemplarRecordJson
{
    internal static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string? Id { get; set; }
    public string? TherapistText { get; set; }
    public string? ClientText { get; set; }
    public string? Substate { get; set; }
    public string? SituationType { get; set; }
    public string? Technique { get; set; }
    public List<string>? RagContexts { get; set; }
    public List<string>? Tags { get; set; }

    public Exemplar ToExemplar() => new(
        Id ?? "",
        TherapistText ?? "",
        ClientText ?? "",
        Substate,
        SituationType,
        Technique,
        RagContexts ?? [],
        Tags ?? []);

    public static ExemplarRecordJson From(Exemplar e) => new()
    {
        Id = e.Id,
        TherapistText = e.TherapistText,
        ClientText = e.ClientText,
        Substate = e.Substate,
        SituationType = e.SituationType,
        Technique = e.Technique,
        RagContexts = [.. e.RagContexts],
        Tags = [.. e.Tags],
    };

    /// <summary>One JSONL line for a record.</summary>
    public static string Serialize(Exemplar e) => JsonSerializer.Serialize(From(e), Options);
}
