using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using StackExchange.Redis;
using TrtOrleans.Grains.Interfaces;

namespace TrtOrleans.Tools.Migrate;

/// <summary>Reads the old service's sessions: the state hash, the meta hash and the history list (newest first) of
/// every id in the active-sessions sorted set or with a state hash. A record that cannot be understood is returned
/// with its reason (never with its content: history holds conversation text).</summary>
public sealed partial class LegacyReader(IDatabase source)
{
    private static readonly HashSet<string> KnownMetaFields =
        ["client_id", "platform", "app_version", "created_via", "external_system_id"];

    /// <summary>Every session id of the old layout, sorted (a stable order makes reruns comparable).</summary>
    public async Task<IReadOnlyList<string>> ListIdsAsync()
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var member in await source.SortedSetRangeByRankAsync(LegacyKeys.ActiveSessions))
        {
            ids.Add(member.ToString());
        }

        var multiplexer = source.Multiplexer;
        foreach (var endpoint in multiplexer.GetEndPoints())
        {
            var server = multiplexer.GetServer(endpoint);
            if (server.IsReplica)
            {
                continue;
            }

            await foreach (var key in server.KeysAsync(source.Database, LegacyKeys.StatePattern, pageSize: 500))
            {
                if (LegacyKeys.IdOfStateKey(key.ToString()) is { Length: > 0 } id)
                {
                    ids.Add(id);
                }
            }
        }

        return [.. ids];
    }

    public async Task<LegacyRecord> ReadAsync(string id)
    {
        if (!SessionIdPattern().IsMatch(id))
        {
            return LegacyRecord.Malformed(id, "session id is not valid here (^[A-Za-z0-9_-]{1,128}$)");
        }

        var stateTask = source.HashGetAllAsync(LegacyKeys.State(id));
        var metaTask = source.HashGetAllAsync(LegacyKeys.Meta(id));
        var historyTask = source.ListRangeAsync(LegacyKeys.History(id));
        var state = (await stateTask).ToDictionary(e => e.Name.ToString(), e => e.Value.ToString(), StringComparer.Ordinal);
        var meta = (await metaTask).ToDictionary(e => e.Name.ToString(), e => e.Value.ToString(), StringComparer.Ordinal);
        var history = await historyTask;
        if (state.Count == 0)
        {
            return LegacyRecord.Malformed(id, "no state hash");
        }

        try
        {
            return LegacyRecord.Valid(id, Parse(state, meta, history));
        }
        catch (FormatException ex)
        {
            return LegacyRecord.Malformed(id, ex.Message);
        }
    }

    private static ImportedSession Parse(Dictionary<string, string> state, Dictionary<string, string> meta, RedisValue[] history)
    {
        var substate = Required(state, "current_substate");
        var lastInteraction = Time(Required(state, "last_interaction"), "last_interaction");
        var createdAt = state.TryGetValue("created_at", out var created) ? Time(created, "created_at") : lastInteraction;
        var exchanges = new Exchange[history.Length];
        for (var i = 0; i < history.Length; i++)
        {
            // Newest first in the old list; imported oldest first.
            exchanges[history.Length - 1 - i] = ParseExchange(history[i].ToString(), i);
        }

        return new ImportedSession(
            state.GetValueOrDefault("current_stage") ?? "",
            substate,
            Number(state, "body_questions_asked"),
            Completion(state.GetValueOrDefault("stage_1_completion")),
            createdAt,
            lastInteraction,
            Number(state, "turn_count"),
            state.GetValueOrDefault("status") is { Length: > 0 } status ? status : "active",
            Metadata(meta),
            exchanges);
    }

    private static Dictionary<string, bool> Completion(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, bool>>(json) ?? [];
        }
        catch (JsonException)
        {
            throw new FormatException("stage_1_completion is not a JSON object of booleans");
        }
    }

    private static Exchange ParseExchange(string json, int index)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var e = doc.RootElement;
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("turn", out var turn) || !turn.TryGetInt32(out var turnNumber))
            {
                throw new FormatException($"history entry {index} has no numeric \"turn\"");
            }

            return new Exchange(
                turnNumber,
                e.TryGetProperty("timestamp", out var ts) && ts.ValueKind == JsonValueKind.String ? Time(ts.GetString()!, $"history entry {index} timestamp") : DateTimeOffset.UnixEpoch,
                Text(e, "client_input"),
                Text(e, "therapist_response"),
                Text(e, "navigation_decision"),
                e.TryGetProperty("rag_query", out var rag) && rag.ValueKind == JsonValueKind.String ? rag.GetString() : null,
                Text(e, "substate"));
        }
        catch (JsonException)
        {
            throw new FormatException($"history entry {index} is not valid JSON");
        }
    }

    private static SessionMetadata Metadata(Dictionary<string, string> meta) => new(
        meta.GetValueOrDefault("client_id"),
        meta.GetValueOrDefault("platform"),
        meta.GetValueOrDefault("app_version"),
        meta.GetValueOrDefault("created_via") is { Length: > 0 } via ? via : "migration",
        meta.GetValueOrDefault("external_system_id"),
        [.. meta.Where(kv => !KnownMetaFields.Contains(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new MetadataField(kv.Key, kv.Value))]);

    private static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static string Required(Dictionary<string, string> hash, string field) =>
        hash.TryGetValue(field, out var value) && value.Length > 0 ? value : throw new FormatException($"state field {field} is missing");

    private static int Number(Dictionary<string, string> hash, string field) =>
        !hash.TryGetValue(field, out var value) || value.Length == 0 ? 0
        : int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n
        : throw new FormatException($"state field {field} is not a non-negative integer");

    /// <summary>The old service wrote local ISO times without an offset (its servers ran on UTC).</summary>
    private static DateTimeOffset Time(string value, string what) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t
            : throw new FormatException($"{what} is not an ISO 8601 time");

    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex SessionIdPattern();
}
