using System.Text.Json;
using System.Text.Json.Nodes;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Llm;

/// <summary>The JSON schema sent as Ollama's <c>format</c> and the validation of the model's answer (docs/engine.md "LLM use").</summary>
internal static class NavigationAnswer
{
    public const string DecisionKey = "navigation_decision";
    public const string SituationKey = "situation_type";
    public const string RagKey = "rag_query";
    public const string ReasoningKey = "reasoning";
    public const string ConfidenceKey = "confidence";

    private static readonly string[] RequiredKeys = [DecisionKey, SituationKey, RagKey, ReasoningKey, ConfidenceKey];

    public static JsonElement BuildSchema(IReadOnlyList<NavigationOption> allowed)
    {
        var decisions = new JsonArray();
        foreach (var decision in allowed.Select(o => o.Decision).Distinct(StringComparer.Ordinal))
        {
            decisions.Add(decision);
        }

        var situations = new JsonArray();
        foreach (var situation in NavigationVocabulary.SituationTypes)
        {
            situations.Add(situation);
        }

        // rag_query is null for plans without retrieval (docs/engine.md "Navigation"), so null is part of its enum.
        var rags = new JsonArray();
        foreach (var rag in RagQueries.All)
        {
            rags.Add(rag);
        }

        rags.Add(null);

        var required = new JsonArray();
        foreach (var key in RequiredKeys)
        {
            required.Add(key);
        }

        var schema = new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                [DecisionKey] = new JsonObject { ["type"] = "string", ["enum"] = decisions },
                [SituationKey] = new JsonObject { ["type"] = "string", ["enum"] = situations },
                [RagKey] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["enum"] = rags },
                [ReasoningKey] = new JsonObject { ["type"] = "string", ["maxLength"] = 300 },
                [ConfidenceKey] = new JsonObject { ["type"] = "number", ["minimum"] = 0, ["maximum"] = 1 },
            },
            ["required"] = required,
        };

        return JsonSerializer.SerializeToElement(schema);
    }

    /// <summary>Validates the raw model content. Returns the chosen option or the fallback reason.</summary>
    public static (NavigationOption? Option, string? Reasoning, string? Failure) Validate(
        string? content, IReadOnlyList<NavigationOption> allowed, double minConfidence)
    {
        var json = StripSurroundingFence(content);
        if (json is null)
        {
            return (null, null, "invalid_json");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return (null, null, "invalid_json");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null, "invalid_json");
            }

            // Only the five known keys are ever read; anything else (say a current_substate) is ignored.
            foreach (var key in RequiredKeys)
            {
                if (!root.TryGetProperty(key, out _))
                {
                    return (null, null, "missing_key");
                }
            }

            var decision = root.GetProperty(DecisionKey);
            var situation = root.GetProperty(SituationKey);
            var rag = root.GetProperty(RagKey);
            var reasoning = root.GetProperty(ReasoningKey);
            var confidence = root.GetProperty(ConfidenceKey);

            if (decision.ValueKind != JsonValueKind.String
                || !allowed.Any(o => o.Decision == decision.GetString()))
            {
                return (null, null, "out_of_enum");
            }

            if (situation.ValueKind != JsonValueKind.String
                || !NavigationVocabulary.SituationTypes.Contains(situation.GetString()))
            {
                return (null, null, "out_of_enum");
            }

            string? ragValue;
            if (rag.ValueKind == JsonValueKind.Null)
            {
                ragValue = null;
            }
            else if (rag.ValueKind == JsonValueKind.String && RagQueries.All.Contains(rag.GetString()))
            {
                ragValue = rag.GetString();
            }
            else
            {
                return (null, null, "out_of_enum");
            }

            if (reasoning.ValueKind != JsonValueKind.String)
            {
                return (null, null, "invalid_value");
            }

            if (confidence.ValueKind != JsonValueKind.Number || !confidence.TryGetDouble(out var confidenceValue)
                || double.IsNaN(confidenceValue) || confidenceValue < 0 || confidenceValue > 1)
            {
                return (null, null, "invalid_value");
            }

            var option = allowed.FirstOrDefault(o =>
                o.Decision == decision.GetString()
                && o.SituationType == situation.GetString()
                && o.RagQuery == ragValue);
            if (option is null)
            {
                return (null, null, "wrong_triple");
            }

            if (confidenceValue < minConfidence)
            {
                return (null, null, "low_confidence");
            }

            return (option, "llm: " + ShortReasoning(reasoning.GetString()!), null);
        }
    }

    /// <summary>Removes a code fence that wraps the whole answer (```json … ```); nothing else is repaired.</summary>
    internal static string? StripSurroundingFence(string? content)
    {
        if (content is null)
        {
            return null;
        }

        var text = content.Trim();
        if (!text.StartsWith("```", StringComparison.Ordinal))
        {
            return text;
        }

        if (text.Length < 6 || !text.EndsWith("```", StringComparison.Ordinal))
        {
            return null;
        }

        var firstNewline = text.IndexOf('\n');
        if (firstNewline < 0 || firstNewline > text.Length - 3)
        {
            return null;
        }

        // The opening line may carry a language tag (```json); the body is everything up to the closing fence.
        var tag = text[3..firstNewline].Trim();
        if (tag.Length > 0 && !tag.All(char.IsAsciiLetter))
        {
            return null;
        }

        return text[(firstNewline + 1)..^3].Trim();
    }

    /// <summary>One line, at most 200 characters: the reasoning is a log-safe summary, not prose.</summary>
    private static string ShortReasoning(string reasoning)
    {
        var chars = reasoning.Select(c => char.IsControl(c) ? ' ' : c).ToArray();
        var line = string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 200 ? line : line[..200].TrimEnd();
    }
}
