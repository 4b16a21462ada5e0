using System.Text.Json;
using System.Text.RegularExpressions;
using TrtOrleans.Grains.Interfaces;

namespace TrtOrleans.Gateway.Http;

/// <summary>Shape and limit checks at the edge (docs/api.md). Messages name the field, never echo its content.</summary>
public static partial class RequestValidation
{
    public const int MaxInputChars = 4000;
    public const int MaxMetadataEntries = 20;
    public const int MaxMetadataKeyChars = 64;
    public const int MaxMetadataValueChars = 256;
    public const int MaxRequestIdChars = 128;

    private static readonly HashSet<string> KnownMetadata = ["platform", "app_version", "external_system_id", "client_id", "created_via"];

    public static bool IsValidSessionId(string? id) => id is not null && SessionIdPattern().IsMatch(id);

    public static string? CheckSessionId(string? id) =>
        IsValidSessionId(id) ? null : "session_id must match ^[A-Za-z0-9_-]{1,128}$";

    /// <summary>Null when valid. Over-long input is not rejected here: the grain accepts it when the crisis detector
    /// flags it (docs/api.md), so only the grain can decide.</summary>
    public static string? CheckUserInput(string? input) =>
        string.IsNullOrWhiteSpace(input) ? "user_input is required and must not be empty" : null;

    public static string? CheckRequestId(string? requestId) =>
        requestId is null || (requestId.Length is > 0 and <= MaxRequestIdChars && !requestId.Any(char.IsControl))
            ? null
            : $"request_id must be 1-{MaxRequestIdChars} printable characters";

    public static string? CheckClientId(string? clientId) =>
        clientId is null || (clientId.Length is > 0 and <= MaxMetadataValueChars && !clientId.Any(char.IsControl))
            ? null
            : $"client_id must be 1-{MaxMetadataValueChars} printable characters";

    /// <summary>Builds session metadata from a create body, or returns the validation message.</summary>
    public static (SessionMetadata? Metadata, string? Error) BuildMetadata(string? clientId, Dictionary<string, JsonElement>? raw, string createdVia)
    {
        raw ??= [];
        if (raw.Count > MaxMetadataEntries)
        {
            return (null, $"metadata may hold at most {MaxMetadataEntries} entries");
        }

        var values = new Dictionary<string, string>();
        foreach (var (key, element) in raw)
        {
            if (key.Length is 0 or > MaxMetadataKeyChars || !MetadataKeyPattern().IsMatch(key))
            {
                return (null, $"metadata keys must match ^[A-Za-z0-9_.-]{{1,{MaxMetadataKeyChars}}}$");
            }

            if (element.ValueKind != JsonValueKind.String)
            {
                return (null, "metadata values must be strings");
            }

            var value = element.GetString()!;
            if (value.Length > MaxMetadataValueChars || value.Any(char.IsControl))
            {
                return (null, $"metadata values must be at most {MaxMetadataValueChars} printable characters");
            }

            values[key] = value;
        }

        var owner = clientId ?? values.GetValueOrDefault("client_id");
        if (CheckClientId(owner) is { } clientError)
        {
            return (null, clientError);
        }

        var extra = values
            .Where(kv => !KnownMetadata.Contains(kv.Key))
            .Select(kv => new MetadataField(kv.Key, kv.Value))
            .ToArray();
        return (new SessionMetadata(
            owner,
            values.GetValueOrDefault("platform"),
            values.GetValueOrDefault("app_version"),
            createdVia,
            values.GetValueOrDefault("external_system_id"),
            extra), null);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex SessionIdPattern();

    [GeneratedRegex("^[A-Za-z0-9_.-]+$")]
    private static partial Regex MetadataKeyPattern();
}
