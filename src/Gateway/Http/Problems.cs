namespace TrtOrleans.Gateway.Http;

/// <summary>docs/api.md errors: RFC 9457 problem details that also carry the old clients' error/message/timestamp.
/// Messages are fixed texts or ids, never exception text or client input.</summary>
public static class Problems
{
    public static ProblemResult Create(int status, string error, string message, TimeSpan? retryAfter = null) =>
        new(status, error, message, retryAfter);

    public static ProblemResult NotFound(string sessionId) =>
        Create(StatusCodes.Status404NotFound, "not_found", $"Session '{sessionId}' not found");

    public static ProblemResult Validation(string message) =>
        Create(StatusCodes.Status422UnprocessableEntity, "validation_failed", message);

    public static ProblemResult BadRequest(string message) =>
        Create(StatusCodes.Status400BadRequest, "bad_request", message);

    public static ProblemResult Unavailable(string message, TimeSpan retryAfter) =>
        Create(StatusCodes.Status503ServiceUnavailable, "service_unavailable", message, retryAfter);

    public static ProblemResult RateLimited(int retryAfterSeconds, string message) =>
        Create(StatusCodes.Status429TooManyRequests, "rate_limited", message, TimeSpan.FromSeconds(retryAfterSeconds));

    public static Task WriteAsync(HttpContext context, int status, string error, string message, TimeSpan? retryAfter = null) =>
        new ProblemResult(status, error, message, retryAfter).ExecuteAsync(context);
}
