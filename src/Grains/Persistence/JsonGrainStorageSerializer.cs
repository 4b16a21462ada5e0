using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Storage;

namespace TrtOrleans.Grains.Persistence;

/// <summary>Grain storage serializer: System.Text.Json with snake_case names and no type names.
/// Why: the Orleans default (Newtonsoft with assembly-qualified $type names) breaks stored sessions on any
/// namespace or class rename; this format depends only on property names, which the state types promise never
/// to rename, stays readable in redis-cli for operators, and lets the pure engine's state (which carries no
/// Orleans attributes) be stored as it is.</summary>
public sealed class JsonGrainStorageSerializer : IGrainStorageSerializer
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, Options));

    public T Deserialize<T>(BinaryData input) =>
        JsonSerializer.Deserialize<T>(input.ToMemory().Span, Options)
        ?? throw new InvalidOperationException($"Stored state of type {typeof(T).Name} deserialised to null.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            // Forward compatibility: fields written by a newer version are ignored, not fatal.
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
