using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using TrtOrleans.Grains.Interfaces;

namespace TrtOrleans.Gateway.Http;

/// <summary>docs/api.md authentication: an X-API-Key header, compared by SHA-256 against the configured keys, each with a
/// role (client or admin) and a client_id. With no keys configured, authentication is off (developer default).</summary>
public static class GatewayAuth
{
    public const string Scheme = "ApiKey";
    public const string ClientPolicy = "client";
    public const string AdminPolicy = "admin";
    public const string HeaderName = "X-API-Key";
    public const string ClientIdClaim = "client_id";

    public static IServiceCollection AddGatewayAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuthSettings>(configuration.GetSection(AuthSettings.Section));
        services.AddAuthentication(Scheme).AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(Scheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ClientPolicy, p => p.RequireAssertion(c => IsOff(c) || c.User.Identity?.IsAuthenticated == true))
            .AddPolicy(AdminPolicy, p => p.RequireAssertion(c => IsOff(c) || c.User.IsInRole("admin")));
        return services;
    }

    /// <summary>The caller's client_id, or null when authentication is off.</summary>
    public static string? ClientIdOf(HttpContext context) => context.User.FindFirstValue(ClientIdClaim);

    public static bool IsAdmin(HttpContext context) => context.User.IsInRole("admin");

    /// <summary>The session scope of the caller: its client_id, or the developer scope when authentication is off.</summary>
    public static string ScopeOf(HttpContext context) =>
        ClientIdOf(context) ?? (AuthSettings.Enabled(context) ? throw new InvalidOperationException("unauthenticated caller") : SessionKey.LocalClient);

    private static bool IsOff(Microsoft.AspNetCore.Authorization.AuthorizationHandlerContext c) =>
        c.Resource is HttpContext http && !http.RequestServices.GetRequiredService<IOptions<AuthSettings>>().Value.IsEnabled;

    /// <summary>The password of a Basic authorization header (user name ignored), or null.</summary>
    private static string? BasicPassword(string header)
    {
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            var colon = decoded.IndexOf(':');
            return colon < 0 ? null : decoded[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Basic authentication (the admin key as password) is for a browser opening the dashboard, so it is
    /// accepted only on dashboard reads. Every other call, above all each state-changing admin call, needs the
    /// X-API-Key header, which a cross-site form or image cannot send: no cross-site request forgery.</summary>
    private static bool BasicAllowed(HttpRequest request) =>
        request.Path.StartsWithSegments("/dashboard", StringComparison.OrdinalIgnoreCase) && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method));

    private sealed class ApiKeyHandler(
        IOptionsMonitor<AuthenticationSchemeOptions> options,
        ILoggerFactory loggerFactory,
        UrlEncoder encoder,
        IOptions<AuthSettings> settings,
        FailedAuthLimiter failures) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var key = Request.Headers[HeaderName].ToString();
            if (key.Length == 0 && BasicAllowed(Request))
            {
                key = BasicPassword(Request.Headers.Authorization.ToString()) ?? "";
            }

            if (key.Length == 0 || !settings.Value.IsEnabled)
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
            var match = settings.Value.Keys.FirstOrDefault(k =>
                k.Sha256 is { Length: 64 } hex && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(hex), hash));
            if (match is null)
            {
                failures.RecordFailure(FailedAuthLimiter.SourceOf(Context));
                return Task.FromResult(AuthenticateResult.Fail("unknown key"));
            }

            var identity = new ClaimsIdentity(
                [new Claim(ClientIdClaim, match.ClientId), new Claim(ClaimTypes.Role, match.Role)], GatewayAuth.Scheme);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), GatewayAuth.Scheme)));
        }

        protected override Task HandleChallengeAsync(AuthenticationProperties properties)
        {
            // Browsers (the dashboard) can answer a Basic challenge with the admin key as the password.
            if (BasicAllowed(Request))
            {
                Response.Headers.WWWAuthenticate = "Basic realm=\"trt-admin\"";
            }

            return Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "unauthorized", $"A valid {HeaderName} header is required");
        }

        protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
            Problems.WriteAsync(Context, StatusCodes.Status403Forbidden, "forbidden", "This key may not use this endpoint");
    }
}
