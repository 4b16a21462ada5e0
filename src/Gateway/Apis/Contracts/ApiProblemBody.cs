using System.ComponentModel;

namespace TrtOrleans.Gateway.Apis.Contracts;

/// <summary>The shape of every 4xx/5xx answer (application/problem+json), for the OpenAPI document: RFC 9457's fields
/// plus the error/message/timestamp that clients of the original service read. The writer is
/// <see cref="Http.ProblemResult"/>.</summary>
public sealed record ApiProblemBody(
    string Type,
    string Title,
    int Status,
    string Detail,
    [property: Description("Short code: bad_request, unauthorized, forbidden, not_found, conflict, payload_too_large, unsupported_media_type, validation_failed, rate_limited, service_unavailable.")]
    string Error,
    [property: Description("Same text as detail.")] string Message,
    DateTimeOffset Timestamp);
