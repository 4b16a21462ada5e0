using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Storage;

namespace TrtOrleans.Grains.Persistence;

/// <summary>The JSON shape of every stored session value (see <see cref="SessionCodec"/>, which compresses and
/// encrypts it) and of the previous storage layout: System.Text.Json with snake_case names and no type names.
/// Why: a stored session then depends only on property names, which the state types promise never to rename, and
/// the pure engine's state (no Orleans attributes) is stored as it is. Also usable as an Orleans grain storage
/// serializer for other state.</summary>
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
