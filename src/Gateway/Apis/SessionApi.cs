using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using TrtOrleans.Gateway.Apis.Contracts;
using TrtOrleans.Gateway.Http;
using TrtOrleans.Grains.Interfaces;

namespace TrtOrleans.Gateway.Apis;

/// <summary>The session endpoints of docs/api.md. Each handler validates shapes, makes one grain call and translates the
/// outcome to HTTP; every conversational decision is the grain's.</summary>
public static class SessionApi
{
    public static IEndpointRouteBuilder MapSessionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(GatewayAuth.ClientPolicy).WithTags("sessions").WithApiErrors();
        api.MapPost("/session/create", CreateAsync)
            .Accepts<CreateSessionBody>("application/json")
            .WithApiErrors(400, 409, 413, 415, 422)
            .WithSummary("Create a session")
            .WithDescription("Creates a session with the given id, or a generated one. An empty body is allowed. Ids are scoped per client: another client's session of the same id is a different session. 429: the client's quota of live sessions (Sessions:MaxLiveSessionsPerClient) is reached.");
        api.MapPost("/input", InputAsync)
            .Accepts<InputBody>("application/json")
            .WithApiErrors(400, 404, 409, 413, 415, 422)
            .WithSummary("Send one client input (session id in the body)")
            .WithDescription("Creates the session on first use (429 when that would exceed the client's quota of live sessions). A retried request_id (or Idempotency-Key header) returns the stored reply of the first attempt.");
        api.MapPost("/session/{id}/input", SessionInputAsync)
            .Accepts<InputBody>("application/json")
            .WithApiErrors(400, 404, 409, 413, 415, 422)
            .WithSummary("Send one client input (session id in the path)")
            .WithDescription("As POST /api/v1/input; a session_id in the body, if sent, must equal the path.");
        api.MapGet("/session/{id}/status", StatusAsync).WithApiErrors(404).WithSummary("Session status and progress");
        api.MapGet("/session/{id}/history", HistoryAsync).WithApiErrors(404, 422)
            .WithSummary("Recent exchanges, newest first")
            .WithDescription("limit: 1 to 50, default 10.");
        api.MapDelete("/session/{id}", DeleteAsync).WithApiErrors(404)
            .WithSummary("Delete a session and everything stored for it");
        return app;
    }

    private static async Task<Results<Ok<CreateSessionResponse>, ProblemResult>> CreateAsync(HttpRequest request, IClusterClient cluster, ClusterCalls calls, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync<CreateSessionBody>(request, allowEmpty: true);
        if (error is not null)
        {
            return error;
        }

        var id = body!.SessionId ?? NewSessionId();
        if (RequestValidation.CheckSessionId(id) is { } idError)
        {
            return Problems.Validation(idError);
        }

        var owner = GatewayAuth.ClientIdOf(request.HttpContext) ?? body.ClientId;
        var (metadata, metadataError) = RequestValidation.BuildMetadata(owner, body.Metadata, SessionMetadata.ViaCreateEndpoint);
        if (metadataError is not null)
        {
            return Problems.Validation(metadataError);
        }

        var grain = Session(cluster, request.HttpContext, id);
        var result = await calls.RunAsync(() => grain.CreateAsync(new CreateSessionRequest(metadata!)), idempotent: true, ct);
        if (result.QuotaExceeded)
        {
            return QuotaExceeded();
        }

        if (!result.Created)
        {
            return Problems.Create(StatusCodes.Status409Conflict, "conflict", $"Session '{id}' already exists");
        }

        return TypedResults.Ok(new CreateSessionResponse(id, result.CreatedAt, "active", "Session created successfully"));
    }

    private static async Task<Results<Ok<TherapistResponse>, ProblemResult>> InputAsync(HttpRequest request, IClusterClient cluster, ClusterCalls calls, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync<InputBody>(request);
        if (error is not null)
        {
            return error;
        }

        return await SendAsync(request, cluster, calls, body!.SessionId, body, ct);
    }

    private static async Task<Results<Ok<TherapistResponse>, ProblemResult>> SessionInputAsync(string id, HttpRequest request, IClusterClient cluster, ClusterCalls calls, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync<InputBody>(request);
        if (error is not null)
        {
            return error;
        }

        if (body!.SessionId is { } bodyId && bodyId != id)
        {
            return Problems.BadRequest("session_id in the body must equal the session id in the path");
        }

        return await SendAsync(request, cluster, calls, id, body, ct);
    }

    private static async Task<Results<Ok<TherapistResponse>, ProblemResult>> SendAsync(HttpRequest request, IClusterClient cluster, ClusterCalls calls, string? id, InputBody body, CancellationToken ct)
    {
        var requestId = body.RequestId ?? NullIfEmpty(request.Headers["Idempotency-Key"].ToString());
        var problem = RequestValidation.CheckSessionId(id)
            ?? RequestValidation.CheckUserInput(body.UserInput)
            ?? RequestValidation.CheckRequestId(requestId);
        if (problem is not null)
        {
            return Problems.Validation(problem);
        }

        var metadata = new SessionMetadata(GatewayAuth.ClientIdOf(request.HttpContext), null, null, SessionMetadata.ViaInputEndpoint, null, []);
        var grain = Session(cluster, request.HttpContext, id!);
        var outcome = await calls.RunAsync(
            () => grain.SendInputAsync(new InputRequest(body.UserInput!, requestId, metadata)), idempotent: requestId is not null, ct);
        return outcome.Status switch
        {
            InputStatus.Processed or InputStatus.Replayed when outcome.Response is not null => TypedResults.Ok(outcome.Response),
            InputStatus.RateLimited => Problems.RateLimited(
                outcome.RetryAfterSeconds, "More than 10 inputs within a minute on this session; retry later"),
            InputStatus.NotFound => Problems.NotFound(id!),
            InputStatus.QuotaExceeded => QuotaExceeded(),
            // A known request id whose stored reply is gone (should not happen within the session's lifetime): the
            // turn must not run twice, so say so instead of answering with an empty body.
            InputStatus.Replayed when outcome.Response is null => Problems.Create(
                StatusCodes.Status409Conflict, "conflict", "This request_id was already processed; its reply is no longer stored"),
            InputStatus.InputTooLong => Problems.Validation($"user_input must be at most {RequestValidation.MaxInputChars} characters"),
            _ => Problems.Unavailable("The turn could not be answered; retry shortly", TimeSpan.FromSeconds(2)),
        };
    }

    private static async Task<Results<Ok<SessionStatusResponse>, ProblemResult>> StatusAsync(string id, HttpContext http, IClusterClient cluster, ClusterCalls calls, CancellationToken ct)
    {
        if (!RequestValidation.IsValidSessionId(id))
        {
            return Problems.NotFound(id);
        }

        var status = await calls.RunAsync(() => Session(cluster, http, id).GetStatusAsync(), idempotent: true, ct);
        return status is null ? Problems.NotFound(id) : TypedResults.Ok(StatusView(status));
    }

    private static async Task<Results<Ok<SessionHistory>, ProblemResult>> HistoryAsync(string id, string? limit, HttpContext http, IClusterClient cluster, ClusterCalls calls, CancellationToken ct)
    {
        var count = 10;
        if (limit is not null && (!int.TryParse(limit, out count) || count is < 1 or > 50))
        {
            return Problems.Validation("limit must be an integer from 1 to 50");
        }

        if (!RequestValidation.IsValidSessionId(id))
        {
            return Problems.NotFound(id);
        }

        var history = await calls.RunAsync(() => Session(cluster, http, id).GetHistoryAsync(count), idempotent: true, ct);
        return history is null ? Problems.NotFound(id) : TypedResults.Ok(history);
    }

    private static async Task<Results<Ok<DeleteSessionResponse>, ProblemResult>> DeleteAsync(string id, HttpContext http, IClusterClient cluster, ClusterCalls calls, CancellationToken ct)
    {
        if (!RequestValidation.IsValidSessionId(id))
        {
            return Problems.NotFound(id);
        }

        var existed = await calls.RunAsync(() => Session(cluster, http, id).EraseAsync(), idempotent: true, ct);
        return existed
            ? TypedResults.Ok(new DeleteSessionResponse($"Session '{id}' deleted successfully", DateTimeOffset.UtcNow))
            : Problems.NotFound(id);
    }

    private static SessionStatusResponse StatusView(SessionStatus s) => new(
        s.SessionId, s.Status, s.CurrentStage, s.CurrentSubstate, s.BodyQuestionCount, s.CompletionCriteria, s.TurnCount,
        s.CreatedAt, s.LastInteraction, MetadataView(s.Metadata));

    private static Dictionary<string, string?> MetadataView(SessionMetadata m)
    {
        var view = new Dictionary<string, string?>
        {
            ["client_id"] = m.ClientId,
            ["platform"] = m.Platform,
            ["app_version"] = m.AppVersion,
            ["created_via"] = m.CreatedVia,
            ["external_system_id"] = m.ExternalSystemId,
        };
        foreach (var field in m.Extra)
        {
            view[field.Key] = field.Value;
        }

        return view;
    }

    /// <summary>The caller's own session of that id: ids are scoped per client (SessionKey), so another client's
    /// session of the same id is simply a different grain, and a taken id elsewhere looks free.</summary>
    private static ISessionGrain Session(IClusterClient cluster, HttpContext http, string id) =>
        cluster.SessionGrain(SessionKey.For(GatewayAuth.ScopeOf(http), id));

    private static ProblemResult QuotaExceeded() =>
        Problems.RateLimited(60, "This client has reached its quota of live sessions; end or erase some, or retry later");

    /// <summary>docs/api.md: session_&lt;yyyyMMdd_HHmmss&gt;_&lt;8 hex&gt;.</summary>
    private static string NewSessionId() =>
        $"session_{DateTime.UtcNow:yyyyMMdd_HHmmss}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
