using System.Text.Json;

namespace TrtOrleans.Gateway.Apis;

// Request bodies of api.md. Nullable everywhere: presence is checked by validation (422), types by the JSON reader (400).

public sealed class CreateSessionBody
{
    public string? SessionId { get; set; }

    public string? ClientId { get; set; }

    public Dictionary<string, JsonElement>? Metadata { get; set; }
}

public sealed class InputBody
{
    public string? SessionId { get; set; }

    public string? UserInput { get; set; }

    public string? RequestId { get; set; }
}
