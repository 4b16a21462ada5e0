using Microsoft.Extensions.Options;

namespace TrtOrleans.Gateway.Http;

/// <summary>Configured API keys (section "Auth"): the SHA-256 of each key, never the key.</summary>
public sealed class AuthSettings
{
    public const string Section = "Auth";

    public List<ApiKeyEntry> Keys { get; set; } = [];

    public bool IsEnabled => Keys.Count > 0;

    public static bool Enabled(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<AuthSettings>>().Value.IsEnabled;
}
