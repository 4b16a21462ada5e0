using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrtOrleans.Engine.Tests.Evaluation;

/// <summary>One labelled client utterance. <see cref="Labels"/> lists every detector that must fire; every detector
/// not listed must stay silent. <see cref="Pending"/> is the question the engine asked last.</summary>
internal sealed record LabelledUtterance(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("pending")] string Pending,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("labels")] IReadOnlyList<string> Labels,
    [property: JsonPropertyName("goal_label")] string? GoalLabel = null,
    [property: JsonPropertyName("checkpoint")] string? Checkpoint = null,
    [property: JsonPropertyName("safety")] string? Safety = null);

/// <summary>What one turn must produce. Null fields are not checked. Substates are short (1.1, 1.1.5, 1.2, 3.1,
/// 3.1.5, 3.2, complete).</summary>
internal sealed record TurnExpectation(
    [property: JsonPropertyName("say")] string Say,
    [property: JsonPropertyName("substate")] string? Substate = null,
    [property: JsonPropertyName("decision")] string? Decision = null,
    [property: JsonPropertyName("decision_any")] IReadOnlyList<string>? DecisionAny = null,
    [property: JsonPropertyName("crisis")] bool? Crisis = null,
    [property: JsonPropertyName("status")] string? Status = null,
    [property: JsonPropertyName("reply_has")] IReadOnlyList<string>? ReplyHas = null,
    [property: JsonPropertyName("reply_lacks")] IReadOnlyList<string>? ReplyLacks = null);

/// <summary>An off-script conversation. <see cref="Needs"/> names the §19 amendments its expectations rely on
/// beyond the detectors and templates (A2, A3, A7 live in the turn pipeline).</summary>
internal sealed record OffScriptConversation(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("needs")] IReadOnlyList<string>? Needs,
    [property: JsonPropertyName("turns")] IReadOnlyList<TurnExpectation> Turns);

internal static class EvaluationData
{
    private static readonly JsonSerializerOptions Options = new() { ReadCommentHandling = JsonCommentHandling.Skip };

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Evaluation");

    public static IReadOnlyList<LabelledUtterance> Utterances() => ReadLines<LabelledUtterance>("utterances.jsonl");

    public static IReadOnlyList<OffScriptConversation> Conversations() => ReadLines<OffScriptConversation>("conversations.jsonl");

    private static List<T> ReadLines<T>(string file)
    {
        var list = new List<T>();
        var n = 0;
        foreach (var line in File.ReadLines(Path.Combine(Directory, file)))
        {
            n++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            list.Add(JsonSerializer.Deserialize<T>(line, Options) ?? throw new InvalidDataException($"{file}:{n} is empty."));
        }

        return list;
    }
}
