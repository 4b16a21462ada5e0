using System.Buffers;
using System.Text.Json;

namespace TrtOrleans.Gateway.Http;

/// <summary>Reads a JSON request body with docs/api.md's error codes: 415 not JSON, 413 over 64 KiB, 400 malformed or
/// wrong types. Minimal API binding would answer these with its own shapes, so bodies are read here.</summary>
public static class JsonBody
{
    public const int MaxBytes = 64 * 1024;

    public static async Task<(T? Value, ProblemResult? Error)> ReadAsync<T>(HttpRequest request, bool allowEmpty = false)
        where T : class, new()
    {
        if (request.ContentLength is null or 0 && allowEmpty && !request.HasJsonContentType())
        {
            return (new T(), null);
        }

        if (!request.HasJsonContentType())
        {
            return (null, Problems.Create(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", "Content type must be application/json"));
        }

        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }

        // Sized from Content-Length when sent, and the read chunk is pooled: no per-request 8 KiB allocation.
        using var buffer = new MemoryStream((int)(request.ContentLength ?? 1024));
        var chunk = ArrayPool<byte>.Shared.Rent(8192);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                {
                    return (null, TooLarge());
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        if (buffer.Length == 0)
        {
            return allowEmpty ? (new T(), null) : (null, Problems.BadRequest("Request body is empty"));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), GatewayJson.Options);
            return value is null ? (null, Problems.BadRequest("Request body must be a JSON object")) : (value, null);
        }
        catch (JsonException)
        {
            return (null, Problems.BadRequest("Malformed JSON or a field of the wrong type"));
        }
    }

    private static ProblemResult TooLarge() =>
        Problems.Create(StatusCodes.Status413RequestEntityTooLarge, "payload_too_large", $"Request body exceeds {MaxBytes} bytes");
}
