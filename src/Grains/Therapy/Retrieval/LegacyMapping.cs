using System.Text.Json;

namespace TrtOrleans.Therapy.Retrieval;

/// <summary>The legacy → new value mapping of docs/engine.md "Retrieval". Values already valid in the new vocabulary are kept as they
/// are; the tables below translate the legacy names; an override file can add or replace entries (a null or empty
/// target drops the value).</summary>
public sealed class LegacyMapping
{
    private readonly Dictionary<string, string?> _contexts = new(StringComparer.Ordinal)
    {
        ["initial_goal_clarification"] = "dr_q_goal_clarification",
        ["dr_q_goal_setting_approach"] = "dr_q_goal_clarification",
        ["dr_q_initial_goal_inquiry"] = "dr_q_goal_clarification",
        ["client_states_goal_needs_vision"] = "dr_q_future_self_vision_building",
        ["dr_q_future_vision_building"] = "dr_q_future_self_vision_building",
        ["dr_q_present_moment_body_awareness"] = "dr_q_present_moment",
        ["dr_q_present_moment_awareness"] = "dr_q_present_moment",
        ["present_moment_body_focus"] = "dr_q_present_moment",
        ["problem_construction_with_body_awareness"] = "dr_q_problem_construction",
        ["dr_q_somatic_inquiry"] = "dr_q_body_symptom_present_moment_inquiry",
        ["dr_q_body_symptom_exploration"] = "dr_q_body_symptom_present_moment_inquiry",
        ["dr_q_emotional_pattern_inquiry"] = "dr_q_how_do_you_know_technique",
        ["dr_q_general_therapeutic_inquiry"] = "general_dr_q_approach",
    };

    private readonly Dictionary<string, string?> _substates = new(StringComparer.Ordinal)
    {
        ["1.3_readiness_assessment"] = "3.1_assess_readiness",
        ["2.1_seek"] = "1.2_problem_and_body",
        ["2.2_location"] = "1.2_problem_and_body",
        ["2.3_sensation"] = "1.2_problem_and_body",
    };

    public const string DefaultSituationType = "general_therapeutic_inquiry";

    /// <summary>The mapping of docs/engine.md "Retrieval" with no overrides.</summary>
    public static LegacyMapping Default() => new();

    /// <summary>Reads an override file: <c>{"retrieval_contexts": {"old": "new"|null}, "substates": {...}}</c>.
    /// Throws <see cref="JsonException"/> / <see cref="IOException"/> for the CLI to report.</summary>
    public static LegacyMapping FromFile(string path)
    {
        var mapping = new LegacyMapping();
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        Apply(doc.RootElement, "retrieval_contexts", mapping._contexts);
        Apply(doc.RootElement, "substates", mapping._substates);
        return mapping;
    }

    /// <summary>New rag_query for a legacy retrieval context, or null when it is dropped.</summary>
    public string? MapContext(string legacy)
    {
        if (_contexts.TryGetValue(legacy, out var mapped))
        {
            return string.IsNullOrEmpty(mapped) ? null : mapped;
        }

        return ExemplarVocabulary.RagQueryValues.Contains(legacy) ? legacy : null;
    }

    public string? MapSubstate(string? legacy)
    {
        if (legacy is null)
        {
            return null;
        }

        if (_substates.TryGetValue(legacy, out var mapped))
        {
            return string.IsNullOrEmpty(mapped) ? null : mapped;
        }

        return ExemplarVocabulary.Substates.Contains(legacy) ? legacy : null;
    }

    public static string MapSituationType(string? legacy) =>
        legacy is not null && ExemplarVocabulary.SituationTypes.Contains(legacy) ? legacy : DefaultSituationType;

    private static void Apply(JsonElement root, string name, Dictionary<string, string?> target)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(name, out var table)
            || table.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var entry in table.EnumerateObject())
        {
            target[entry.Name] = entry.Value.ValueKind == JsonValueKind.String ? entry.Value.GetString() : null;
        }
    }
}
