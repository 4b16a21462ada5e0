using System.Security.Cryptography;
using TrtOrleans.Gateway.Http;
using TrtOrleans.Grains.Interfaces;

namespace TrtOrleans.Gateway.Apis;

/// <summary>The session endpoints of api.md. Each handler validates shapes, makes one grain call and translates the
/// outcome to HTTP; every conversational decision is the grain's.</summary>
public static class SessionApi
{
    public static IEndpointRouteBuilder MapSessionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(GatewayAuth.ClientPolicy);
        api.MapPost("/session/create", CreateAsync);
        api.MapPost("/input", InputAsync);
        api.MapPost("/session/{id}/input", SessionInputAsync);
        api.MapGet("/session/{id}/status", StatusAsync);
        api.MapGet("/session/{id}/history", HistoryAsync);
        api.MapDelete("/session/{id}", DeleteAsync);
        return app;
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, IClusterClient cluster, ClusterCalls calls, CancellationToken ct)
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

        return Results.Json(
            new { session_id = id, created_at = result.CreatedAt, status = "active", message = "Session created successfully" },
            GatewayJson.Options);
    }

    private static async Task<IResult> InputAsync(HttpRequest request, IClusterClient cluster, ClusterCalls calls, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync<InputBody>(request);
        if (error is not null)
        {
            return error;
        }

        return await SendAsync(request, cluster, calls, body!.SessionId, body, ct);
    }

    private static async Task<IResult> SessionInputAsync(string id, HttpRequest request, IClusterClient cluster, ClusterCalls calls, CancellationToken ct)
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

    private static async Task<IResult> SendAsync(HttpRequest request, IClusterClient cluster, ClusterCalls calls, string? id, InputBody body, CancellationToken ct)
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
            InputStatus.RateLimited => Problems.RateLimited(
                outcome.RetryAfterSeconds, "More than 10 inputs within a minute on this session; retry later"),
            InputStatus.NotFound => Problems.NotFound(id!),
            InputStatus.QuotaExceeded => QuotaExceeded(),
            // A known request id whose stored reply is gone (should not happen within the session's lifetime): the
            // turn must not run twice, so say so instead of answering with an empty body.
            InputStatus.Replayed when outcome.Response is null => Problems.Create(
                StatusCodes.Status409Conflict, "conflict", "This request_id was already processed; its reply is no longer stored"),
            InputStatus.InputTooLong => Problems.Validation($"user_input must be at most {RequestValidation.MaxInputChars} characters"),
            _ => Results.Json(outcome.Response, GatewayJson.Options),
        };
    }

    private static async Task<IResult> StatusAsync(string id, HttpContext http, IClusterClient cluster, ClusterCalls calls, CancellationToken ct)
    {
        if (!RequestValidation.IsValidSessionId(id))
        {
            return Problems.NotFound(id);
        }

        var status = await calls.RunAsync(() => Session(cluster, http, id).GetStatusAsync(), idempotent: true, ct);
        return status is null ? Problems.NotFound(id) : Results.Json(StatusView(status), GatewayJson.Options);
    }

    private static async Task<IResult> HistoryAsync(string id, string? limit, HttpContext http, IClusterClient cluster, ClusterCalls calls, CancellationToken ct)
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
        return history is null ? Problems.NotFound(id) : Results.Json(history, GatewayJson.Options);
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext http, IClusterClient cluster, ClusterCalls calls, CancellationToken ct)
    {
        if (!RequestValidation.IsValidSessionId(id))
        {
            return Problems.NotFound(id);
        }

        var existed = await calls.RunAsync(() => Session(cluster, http, id).EraseAsync(), idempotent: true, ct);
        return existed
            ? Results.Json(new { message = $"Session '{id}' deleted successfully", timestamp = DateTimeOffset.UtcNow }, GatewayJson.Options)
            : Problems.NotFound(id);
    }

    private static object StatusView(SessionStatus s) => new
    {
        session_id = s.SessionId,
        status = s.Status,
        current_stage = s.CurrentStage,
        current_substate = s.CurrentSubstate,
        body_question_count = s.BodyQuestionCount,
        completion_criteria = s.CompletionCriteria,
        turn_count = s.TurnCount,
        created_at = s.CreatedAt,
        last_interaction = s.LastInteraction,
        metadata = MetadataView(s.Metadata),
    };

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

    private static IResult QuotaExceeded() =>
        Problems.RateLimited(60, "This client has reached its quota of live sessions; end or erase some, or retry later");

    /// <summary>api.md: session_&lt;yyyyMMdd_HHmmss&gt;_&lt;8 hex&gt;.</summary>
    private static string NewSessionId() =>
        $"session_{DateTime.UtcNow:yyyyMMdd_HHmmss}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
