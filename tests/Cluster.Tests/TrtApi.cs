using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace TrtOrleans.Cluster.Tests;

/// <summary>The gateway API as the scenarios use it: every call carries the admin key, has its own timeout, and
/// turns connection errors and timeouts into an <see cref="ApiReply"/> with status 0 instead of throwing.</summary>
public sealed class TrtApi(string adminKey) : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        // A gateway that is killed and restarted must not leave the client on a dead pooled connection for long.
        PooledConnectionLifetime = TimeSpan.FromSeconds(30),
        ConnectTimeout = TimeSpan.FromSeconds(3),
        MaxConnectionsPerServer = 64,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public string AdminKey { get; } = adminKey;

    public Task<ApiReply> SendInputAsync(Uri gateway, string sessionId, string userInput, string? requestId = null, TimeSpan? timeout = null)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["session_id"] = sessionId,
            ["user_input"] = userInput,
            ["request_id"] = requestId,
        });
        return SendAsync(gateway, HttpMethod.Post, "/api/v1/input", body, timeout, withKey: true);
    }

    public Task<ApiReply> GetAsync(Uri gateway, string path, TimeSpan? timeout = null, bool withKey = true, AuthenticationHeaderValue? authorization = null) =>
        SendAsync(gateway, HttpMethod.Get, path, null, timeout, withKey, authorization);

    public Task<ApiReply> HistoryAsync(Uri gateway, string sessionId, int limit = 50) =>
        GetAsync(gateway, $"/api/v1/session/{sessionId}/history?limit={limit}");

    public Task<ApiReply> StatusAsync(Uri gateway, string sessionId) =>
        GetAsync(gateway, $"/api/v1/session/{sessionId}/status");

    public void Dispose() => _http.Dispose();

    private async Task<ApiReply> SendAsync(Uri gateway, HttpMethod method, string path, string? json, TimeSpan? timeout, bool withKey,
        AuthenticationHeaderValue? authorization = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(gateway, path));
        if (withKey)
        {
            request.Headers.Add("X-API-Key", AdminKey);
        }

        request.Headers.Authorization = authorization;
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            using var response = await _http.SendAsync(request, cts.Token);
            var body = await response.Content.ReadAsStringAsync(cts.Token);
            return new ApiReply(
                (int)response.StatusCode,
                body,
                response.Content.Headers.ContentType?.MediaType,
                response.Headers.RetryAfter?.ToString(),
                null,
                started,
                clock.Elapsed);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            return new ApiReply(0, "", null, null, "client timeout", started, clock.Elapsed);
        }
        catch (HttpRequestException ex)
        {
            return new ApiReply(0, "", null, null, $"connection error ({ex.HttpRequestError})", started, clock.Elapsed);
        }
    }
}
