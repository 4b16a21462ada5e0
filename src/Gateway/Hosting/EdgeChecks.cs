using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using TrtOrleans.Gateway.Http;
using TrtOrleans.Grains.Interfaces;

namespace TrtOrleans.Gateway.Hosting;

/// <summary>Start-up checks of the edge: the key configuration, and the rule that without keys every endpoint the
/// server is configured with, however it is configured, is loopback.</summary>
public static partial class EdgeChecks
{
    /// <summary>Client ids become part of session grain keys (SessionKey), so they never contain its separator.</summary>
    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex ClientIdPattern();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Pattern();

    /// <summary>Throws <see cref="GatewayStartupException"/> naming the first bad entry of Auth:Keys.</summary>
    public static void ValidateKeys(AuthSettings settings)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < settings.Keys.Count; i++)
        {
            var key = settings.Keys[i];
            var at = $"{AuthSettings.Section}:Keys:{i}";
            if (!ClientIdPattern().IsMatch(key.ClientId ?? ""))
            {
                throw new GatewayStartupException($"{at}:ClientId must be 1-64 characters of A-Z a-z 0-9 _ . - (got '{key.ClientId}').");
            }

            if (key.Role is not ("client" or "admin"))
            {
                throw new GatewayStartupException($"{at}:Role must be 'client' or 'admin' (got '{key.Role}').");
            }

            if (!Sha256Pattern().IsMatch(key.Sha256 ?? ""))
            {
                throw new GatewayStartupException($"{at}:Sha256 must be the lower-case hex SHA-256 of the key: 64 characters 0-9 a-f.");
            }

            if (!seen.Add(key.Sha256!))
            {
                throw new GatewayStartupException($"{at}:Sha256 repeats an earlier key: each key may appear once, with one client id and role.");
            }
        }
    }

    /// <summary>Every endpoint the configuration gives Kestrel: urls / ASPNETCORE_URLS / --urls, http_ports and
    /// https_ports (which bind every interface), and Kestrel:Endpoints:*:Url.</summary>
    public static IReadOnlyList<string> ConfiguredEndpoints(IConfiguration configuration)
    {
        var endpoints = new List<string>();
        foreach (var key in new[] { WebHostDefaults.ServerUrlsKey, "ASPNETCORE_URLS" })
        {
            endpoints.AddRange(Split(configuration[key]));
        }

        foreach (var key in new[] { "http_ports", "https_ports", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS" })
        {
            endpoints.AddRange(Split(configuration[key]).Select(port => $"http://*:{port}"));
        }

        endpoints.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(e => e["Url"]).OfType<string>().Where(u => u.Length > 0));
        return endpoints;
    }

    /// <summary>Without keys: refuses to start on any endpoint that is not loopback (Redis's protected-mode idea).</summary>
    public static void RequireLoopbackWithoutKeys(IConfiguration configuration, AuthSettings settings)
    {
        if (settings.IsEnabled)
        {
            return;
        }

        if (ConfiguredEndpoints(configuration).FirstOrDefault(e => !IsLoopbackUrl(e)) is { } open)
        {
            throw new GatewayStartupException(
                $"No API keys are configured (authentication is off), so the gateway only listens on loopback; refusing to start on '{open}'. Configure Auth:Keys or a 127.0.0.1/localhost URL.");
        }
    }

    public static bool IsLoopbackUrl(string url)
    {
        var normalised = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        return Uri.TryCreate(normalised, UriKind.Absolute, out var uri) && IsLoopbackName(uri.Host);
    }

    /// <summary>A Host header a browser sends only for a page served from this machine: the defence against DNS
    /// rebinding while authentication is off (a hostile page's own name pointed at 127.0.0.1 is refused).</summary>
    public static bool IsLoopbackHost(HostString host) => host.HasValue && IsLoopbackName(host.Host);

    private static bool IsLoopbackName(string host)
    {
        var name = host.Trim('[', ']');
        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(name, out var address) && IPAddress.IsLoopback(address));
    }

    private static IEnumerable<string> Split(string? value) =>
        (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
