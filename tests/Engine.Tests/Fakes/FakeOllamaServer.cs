using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace TrtOrleans.Engine.Tests.Fakes;

/// <summary>A small in-test Ollama: an <see cref="HttpListener"/> on 127.0.0.1 that speaks the Ollama wire format
/// (<c>POST /api/chat</c> non-streaming and NDJSON streaming, <c>POST /api/embed</c>, <c>GET /api/tags</c>).
/// Each test scripts it with <see cref="Responder"/> and asserts on <see cref="Requests"/>.</summary>
public sealed class FakeOllamaServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Task _acceptLoop;
    private int _disposed;

    public FakeOllamaServer()
    {
        (_listener, BaseUri) = StartListener();
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>http://127.0.0.1:{port}/ — give it to <c>new OllamaApiClient(uri, model)</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>Decides each answer. Default: <see cref="DefaultResponse"/>.</summary>
    public Func<RecordedRequest, FakeResponse> Responder { get; set; } = DefaultResponse;

    /// <summary>Every request received, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public IReadOnlyList<RecordedRequest> ChatRequests => [.. _requests.Where(r => r.Path == "/api/chat")];

    /// <summary>A chat answer with this assistant content (rendered streaming or not, as the request asks).</summary>
    public static FakeResponse Chat(string content, TimeSpan delay = default) =>
        new(200, string.Empty, delay, ChatContent: content);

    public static FakeResponse Error(int status, string message = "internal error", TimeSpan delay = default) =>
        new(status, new JsonObject { ["error"] = message }.ToJsonString(), delay);

    public static FakeResponse Embeddings(string model, params float[][] vectors)
    {
        var embeddings = new JsonArray();
        foreach (var vector in vectors)
        {
            var row = new JsonArray();
            foreach (var value in vector)
            {
                row.Add(value);
            }

            embeddings.Add(row);
        }

        return new FakeResponse(200, new JsonObject
        {
            ["model"] = model,
            ["embeddings"] = embeddings,
            ["total_duration"] = 14143917,
            ["load_duration"] = 1019500,
            ["prompt_eval_count"] = 8,
        }.ToJsonString());
    }

    public static FakeResponse Tags() => new(200, new JsonObject
    {
        ["models"] = new JsonArray(new JsonObject
        {
            ["name"] = "llama3.1:latest",
            ["model"] = "llama3.1:latest",
            ["modified_at"] = "2025-05-04T17:37:44.706015396-07:00",
            ["size"] = 4920753328L,
            ["digest"] = "46e0c10c039e019119339687c3c1757cc81b9da49709a3b3924863ba87ca666e",
            ["details"] = new JsonObject
            {
                ["parent_model"] = "",
                ["format"] = "gguf",
                ["family"] = "llama",
                ["families"] = new JsonArray("llama"),
                ["parameter_size"] = "8.0B",
                ["quantization_level"] = "Q4_K_M",
            },
        }),
    }.ToJsonString());

    /// <summary>Tags answers, chat says "Okay.", embed returns one unit vector per input.</summary>
    public static FakeResponse DefaultResponse(RecordedRequest request) => request.Path switch
    {
        "/api/tags" => Tags(),
        "/api/chat" => Chat("Okay."),
        "/api/embed" => Embeddings(
            request.Json?["model"]?.GetValue<string>() ?? "embed",
            [.. Enumerable.Range(0, InputCount(request)).Select(_ => new float[] { 1, 0, 0 })]),
        _ => Error(404, "not found"),
    };

    public async ValueTask DisposeAsync()
    {
        // Idempotent: a test may stop the server early to make it unreachable.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync();
        _listener.Close();
        try
        {
            await _acceptLoop;
        }
        catch (Exception)
        {
            // The listener was closed under the loop: that is how it ends.
        }

        _stop.Dispose();
    }

    private static int InputCount(RecordedRequest request) => request.Json?["input"] switch
    {
        JsonArray array => array.Count,
        null => 0,
        _ => 1,
    };

    private static (HttpListener Listener, Uri Uri) StartListener()
    {
        // Ask the OS for a free port, then bind HttpListener to it; retry on the rare race with another process.
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var prefix = $"http://127.0.0.1:{port}/";
            var listener = new HttpListener();
            listener.Prefixes.Add(prefix);
            try
            {
                listener.Start();
                return (listener, new Uri(prefix));
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync();
            }

            JsonNode? json = null;
            try
            {
                json = body.Length > 0 ? JsonNode.Parse(body) : null;
            }
            catch (System.Text.Json.JsonException)
            {
                // Recorded as text only; a test can assert on it.
            }

            var recorded = new RecordedRequest(
                context.Request.HttpMethod, context.Request.Url!.AbsolutePath, body, json);
            _requests.Enqueue(recorded);

            var response = Responder(recorded);
            if (response.Delay > TimeSpan.Zero)
            {
                await Task.Delay(response.Delay, _stop.Token);
            }

            await WriteAsync(context.Response, recorded, response);
        }
        catch (Exception)
        {
            // The client gave up (timeout test) or the server is stopping: nothing to answer.
            try
            {
                context.Response.Abort();
            }
            catch (Exception)
            {
                // Already gone.
            }
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, RecordedRequest request, FakeResponse answer)
    {
        response.StatusCode = answer.Status;
        string text;
        if (answer.ChatContent is { } content)
        {
            var model = request.Json?["model"]?.GetValue<string>() ?? "llama3.1";
            var stream = request.Json?["stream"]?.GetValue<bool>() ?? true; // Ollama streams unless told not to
            text = stream ? StreamLines(model, content) : DoneLine(model, content) + "\n";
            response.ContentType = stream ? "application/x-ndjson" : "application/json; charset=utf-8";
        }
        else
        {
            text = answer.Body;
            response.ContentType = answer.ContentType;
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    private static string StreamLines(string model, string content)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < content.Length; i += 8)
        {
            var piece = content.Substring(i, Math.Min(8, content.Length - i));
            builder.Append(new JsonObject
            {
                ["model"] = model,
                ["created_at"] = CreatedAt,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = piece },
                ["done"] = false,
            }.ToJsonString()).Append('\n');
        }

        return builder.Append(DoneLine(model, string.Empty)).Append('\n').ToString();
    }

    private static string DoneLine(string model, string content) => new JsonObject
    {
        ["model"] = model,
        ["created_at"] = CreatedAt,
        ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
        ["done_reason"] = "stop",
        ["done"] = true,
        ["total_duration"] = 4883583458L,
        ["load_duration"] = 1334875,
        ["prompt_eval_count"] = 26,
        ["prompt_eval_duration"] = 342546000,
        ["eval_count"] = 282,
        ["eval_duration"] = 4535599000L,
    }.ToJsonString();

    private const string CreatedAt = "2025-05-04T12:00:00.000000Z";
}

/// <summary>One request as received: method, path, raw body and the parsed JSON (null when not JSON).</summary>
public sealed record RecordedRequest(string Method, string Path, string Body, JsonNode? Json);

/// <summary>A scripted answer. <paramref name="ChatContent"/> set = a chat reply in Ollama's own format.</summary>
public sealed record FakeResponse(
    int Status,
    string Body,
    TimeSpan Delay = default,
    string ContentType = "application/json; charset=utf-8",
    string? ChatContent = null);
