using System.Text.Json;

namespace TrtOrleans.Grains.Persistence;

/// <summary>JSON used for what the grains keep in Redis beside grain state (history, stored replies): the same
/// snake_case shape the HTTP API shows, so an operator reading Redis sees what a client sees.</summary>
internal static class WireJson
{
    public static readonly JsonSerializerOptions Options = JsonGrainStorageSerializer.Options;
}
