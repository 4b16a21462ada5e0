using Microsoft.Extensions.Options;
using TrtOrleans.Gateway.Http;

namespace TrtOrleans.Gateway.Hosting;

/// <summary>Checks the gateway's own settings at start (ValidateOnStart): a key that can never match, or a client
/// limit of zero, stops the process with a message naming the setting.</summary>
public sealed class GatewaySettingsValidator :
    IValidateOptions<AuthSettings>,
    IValidateOptions<ClientLimitSettings>,
    IValidateOptions<FailedAuthSettings>,
    IValidateOptions<CorsSettings>
{
    public ValidateOptionsResult Validate(string? name, AuthSettings options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var key = options.Keys[i];
            if (string.IsNullOrWhiteSpace(key.ClientId))
            {
                errors.Add($"Auth:Keys:{i}:ClientId must not be empty");
            }

            if (key.Role is not ("client" or "admin"))
            {
                errors.Add($"Auth:Keys:{i}:Role must be \"client\" or \"admin\" (got '{key.Role}')");
            }

            if (key.Sha256.Length != 64 || !key.Sha256.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f'))
            {
                // The hash is not secret, but say only its length: a key pasted here by mistake must not reach a log.
                errors.Add($"Auth:Keys:{i}:Sha256 must be the lower-case hex SHA-256 of the key, 64 characters (got {key.Sha256.Length} characters)");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public ValidateOptionsResult Validate(string? name, ClientLimitSettings options) =>
        options.PermitsPerMinute >= 1
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Gateway:ClientLimit:PermitsPerMinute must be at least 1 (got {options.PermitsPerMinute})");

    public ValidateOptionsResult Validate(string? name, FailedAuthSettings options)
    {
        var errors = new List<string>();
        if (options.MaxFailures < 1)
        {
            // Zero would answer 429 to every caller, including ones with a valid key.
            errors.Add($"Gateway:AuthFailures:MaxFailures must be at least 1 (got {options.MaxFailures})");
        }

        if (options.Window <= TimeSpan.Zero)
        {
            errors.Add($"Gateway:AuthFailures:Window must be positive (got {options.Window})");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public ValidateOptionsResult Validate(string? name, CorsSettings options)
    {
        // An origin is scheme://host[:port]: anything else (a path, a wildcard) never equals a browser's Origin header.
        var errors = options.AllowedOrigins
            .Select((origin, i) => (origin, i))
            .Where(o => !Uri.TryCreate(o.origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || uri.AbsolutePath != "/" || o.origin.EndsWith('/') || o.origin.Contains('*', StringComparison.Ordinal))
            .Select(o => $"Gateway:Cors:AllowedOrigins:{o.i} must be an origin such as https://app.example.org (got '{o.origin}')")
            .ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
