using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace TrtOrleans.Gateway.Tests.OpenApi;

/// <summary>The served /openapi/v1.json, with the JSON Schema of each declared response. Schemas are made strict for
/// the check: an object that lists its properties may carry no others, so an undocumented field fails too.</summary>
internal sealed class OpenApiDocument(JsonNode document)
{
    public JsonNode Root { get; } = document;

    public JsonObject Paths => Root["paths"]!.AsObject();

    public JsonObject? Operation(string path, string method) => Paths[path]?[method.ToLowerInvariant()]?.AsObject();

    /// <summary>The schema of the answer with <paramref name="status"/> (the first content type declared), or null
    /// when the operation does not declare that status.</summary>
    public JsonSchema? ResponseSchema(string path, string method, int status, out string? contentType)
    {
        contentType = null;
        var content = Operation(path, method)?["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["content"]?.AsObject();
        if (content is null || content.Count == 0)
        {
            return null;
        }

        var (type, media) = content.First();
        contentType = type;
        var schema = media!["schema"]!.DeepClone().AsObject();
        var defs = Root["components"]!["schemas"]!.DeepClone();
        var wrapper = new JsonObject { ["$schema"] = "https://json-schema.org/draft/2020-12/schema", ["$defs"] = defs };
        foreach (var (key, value) in schema)
        {
            wrapper[key] = value?.DeepClone();
        }

        Strict(wrapper);
        var text = wrapper.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        return JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri($"https://schemas.test/{Guid.NewGuid():N}"));
    }

    public static string Errors(EvaluationResults results)
    {
        var lines = new List<string>();
        Collect(results, lines);
        return string.Join('\n', lines);
    }

    private static void Collect(EvaluationResults results, List<string> lines)
    {
        if (results.Errors is { } errors)
        {
            lines.AddRange(errors.Select(e => $"{results.InstanceLocation} ({results.EvaluationPath}): {e.Key}: {e.Value}"));
        }

        foreach (var detail in results.Details ?? [])
        {
            Collect(detail, lines);
        }
    }

    private static void Strict(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["properties"] is JsonObject && !obj.ContainsKey("additionalProperties"))
                {
                    obj["additionalProperties"] = false;
                }

                foreach (var (_, child) in obj.ToList())
                {
                    Strict(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Strict(child);
                }

                break;
        }
    }

    public static EvaluationResults Evaluate(JsonSchema schema, string body) =>
        schema.Evaluate(JsonDocument.Parse(body).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
}
