namespace TrtOrleans.Gateway.Http;

/// <summary>One docs/api.md error answer: RFC 9457 problem details that also carry the old clients' error/message/timestamp.
/// A concrete type (not IResult) so handlers can declare <c>Results&lt;Ok&lt;T&gt;, ProblemResult&gt;</c> and the OpenAPI
/// document sees their success schema; the error statuses are declared per endpoint.</summary>
public sealed class ProblemResult(int status, string error, string message, TimeSpan? retryAfter = null) : IResult, IStatusCodeHttpResult
{
    public int StatusCode => status;

    int? IStatusCodeHttpResult.StatusCode => status;

    public string Error => error;

    public string Message => message;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = status;
        if (retryAfter is { } wait)
        {
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var body = new Dictionary<string, object?>
        {
            ["type"] = $"https://httpstatuses.io/{status}",
            ["title"] = Title(status),
            ["status"] = status,
            ["detail"] = message,
            ["error"] = error,
            ["message"] = message,
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
        };
        return httpContext.Response.WriteAsJsonAsync(body, GatewayJson.Options, "application/problem+json");
    }

    private static string Title(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Content",
        429 => "Too Many Requests",
        503 => "Service Unavailable",
        _ => "Error",
    };
}
