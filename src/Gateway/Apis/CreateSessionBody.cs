using System.ComponentModel;
using System.Text.Json;

namespace TrtOrleans.Gateway.Apis;

/// <summary>Body of POST /api/v1/session/create. Nullable everywhere: presence is checked by validation (422), types
/// by the JSON reader (400).</summary>
public sealed class CreateSessionBody
{
    [Description("Optional; ^[A-Za-z0-9_-]{1,128}$. Generated when absent.")]
    public string? SessionId { get; set; }

    [Description("Owner of the session when authentication is off; with an API key, the key's client id is used.")]
    public string? ClientId { get; set; }

    [Description("Up to 20 string values; keys ^[A-Za-z0-9_.-]{1,64}$, values up to 256 characters. platform, app_version and external_system_id are known fields.")]
    public Dictionary<string, JsonElement>? Metadata { get; set; }
}
