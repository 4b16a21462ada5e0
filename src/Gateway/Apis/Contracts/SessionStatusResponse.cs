using System.ComponentModel;

namespace TrtOrleans.Gateway.Apis.Contracts;

/// <summary>Answer of GET /api/v1/session/{id}/status.</summary>
public sealed record SessionStatusResponse(
    string SessionId,
    [property: Description("\"active\" or \"completed\".")] string Status,
    string CurrentStage,
    [property: Description("Substate id, e.g. 1.1_goal_and_vision, 1.1.5_psycho_education, 1.2_problem_and_body.")] string CurrentSubstate,
    int BodyQuestionCount,
    [property: Description("Each stage-1 completion criterion and whether it is met.")] Dictionary<string, bool> CompletionCriteria,
    int TurnCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastInteraction,
    [property: Description("client_id, platform, app_version, created_via, external_system_id and any extra string entries sent at creation; unset ones are null.")]
    Dictionary<string, string?> Metadata);
