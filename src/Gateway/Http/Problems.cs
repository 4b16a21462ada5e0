namespace TrtOrleans.Gateway.Http;

/// <summary>api.md errors: RFC 9457 problem details that also carry the old clients' error/message/timestamp.
/// Messages are fixed texts or ids, never exception text or client input.</summary>
public static class Problems
{
    public static IResult Create(int status, string error, string message, TimeSpan? retryAfter = null) =>
        new ProblemResult(status, error, message, retryAfter);

    public static IResult NotFound(string sessionId) =>
        Create(StatusCodes.Status404NotFound, "not_found", $"Session '{sessionId}' not found");

    public static IResult Validation(string message) =>
        Create(StatusCodes.Status422UnprocessableEntity, "validation_failed", message);

    public static IResult BadRequest(string message) =>
        Create(StatusCodes.Status400BadRequest, "bad_request", message);

    public static IResult Unavailable(string message, TimeSpan retryAfter) =>
        Create(StatusCodes.Status503ServiceUnavailable, "service_unavailable", message, retryAfter);

    public static IResult RateLimited(int retryAfterSeconds, string message) =>
        Create(StatusCodes.Status429TooManyRequests, "rate_limited", message, TimeSpan.FromSeconds(retryAfterSeconds));

    public static Task WriteAsync(HttpContext context, int status, string error, string message, TimeSpan? retryAfter = null) =>
        new ProblemResult(status, error, message, retryAfter).ExecuteAsync(context);

    private sealed class ProblemResult(int status, string error, string message, TimeSpan? retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            if (retryAfter is { } wait)
            {
                context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
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
            return context.Response.WriteAsJsonAsync(body, GatewayJson.Options, "application/problem+json");
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
}
