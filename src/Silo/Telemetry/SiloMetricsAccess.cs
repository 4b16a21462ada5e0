using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace TrtOrleans.Silo.Telemetry;

/// <summary>Admin check for a silo's /metrics on its health port. A silo has no authentication of its own, so it
/// reads the same "Auth:Keys" list the gateways use (Sha256 and Role per key) and admits an admin key in X-API-Key
/// or as a Basic password. With no keys configured it is open, like the gateway in its loopback developer mode.</summary>
public static class SiloMetricsAccess
{
    public static IEndpointConventionBuilder RequireAdminKey(this IEndpointConventionBuilder endpoint, IConfiguration configuration)
    {
        var adminHashes = configuration.GetSection("Auth:Keys").GetChildren()
            .Where(k => string.Equals(k["Role"], "admin", StringComparison.OrdinalIgnoreCase) && k["Sha256"] is { Length: 64 })
            .Select(k => Convert.FromHexString(k["Sha256"]!))
            .ToList();
        var anyKeys = configuration.GetSection("Auth:Keys").GetChildren().Any();
        // The scrape endpoint is a plain RequestDelegate (endpoint filters do not run for those), so it is wrapped.
        endpoint.Add(b =>
        {
            var inner = b.RequestDelegate!;
            b.RequestDelegate = http => !anyKeys || IsAdmin(http, adminHashes)
                ? inner(http)
                : Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "An admin X-API-Key header is required")
                    .ExecuteAsync(http);
        });
        return endpoint;
    }

    private static bool IsAdmin(HttpContext http, List<byte[]> adminHashes)
    {
        var key = http.Request.Headers["X-API-Key"].ToString();
        if (key.Length == 0 && http.Request.Headers.Authorization.ToString() is { } auth
            && auth.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(auth[6..].Trim()));
                key = decoded[(decoded.IndexOf(':') + 1)..];
            }
            catch (FormatException)
            {
                return false;
            }
        }

        if (key.Length == 0)
        {
            return false;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return adminHashes.Any(h => CryptographicOperations.FixedTimeEquals(h, hash));
    }
}
