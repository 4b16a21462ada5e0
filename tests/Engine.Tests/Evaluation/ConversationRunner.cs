using TrtOrleans.Engine.Tests.Engine;

namespace TrtOrleans.Engine.Tests.Evaluation;

/// <summary>The outcome of one off-script conversation: null <see cref="Failure"/> means every turn met its
/// expectations.</summary>
internal sealed record ConversationOutcome(OffScriptConversation Conversation, string? Failure)
{
    public bool Passed => Failure is null;
}

/// <summary>Runs a conversation on the deterministic engine over the shipped data and checks it turn by turn.</summary>
internal static class ConversationRunner
{
    public static async Task<ConversationOutcome> RunAsync(OffScriptConversation c)
    {
        var (_, turns) = await EngineHarness.RunAsync(EngineHarness.Real(), "eval-" + c.Id, c.Turns.Select(t => t.Say));
        for (var i = 0; i < turns.Count; i++)
        {
            var e = c.Turns[i];
            var r = turns[i];
            var substate = EngineHarness.Short(r.Response.SessionProgress.CurrentSubstate);
            var decision = r.Response.Navigation.Decision;
            var reply = r.Response.TherapistResponse;
            var problems = new List<string>();
            if (e.Substate is not null && e.Substate != substate) problems.Add($"substate {substate} (expected {e.Substate})");
            if (e.Decision is not null && e.Decision != decision) problems.Add($"decision {decision} (expected {e.Decision})");
            if (e.DecisionAny is not null && !e.DecisionAny.Contains(decision)) problems.Add($"decision {decision} (expected one of {string.Join("/", e.DecisionAny)})");
            if (e.Crisis is { } crisis && crisis != r.Response.Safety.Crisis) problems.Add($"crisis {r.Response.Safety.Crisis}");
            if (e.Status is not null && e.Status != r.State.Status) problems.Add($"status {r.State.Status} (expected {e.Status})");
            foreach (var has in e.ReplyHas ?? [])
            {
                if (!reply.Contains(has, StringComparison.OrdinalIgnoreCase)) problems.Add($"reply lacks \"{has}\"");
            }

            foreach (var lacks in e.ReplyLacks ?? [])
            {
                if (reply.Contains(lacks, StringComparison.OrdinalIgnoreCase)) problems.Add($"reply has \"{lacks}\"");
            }

            if (problems.Count > 0)
            {
                return new ConversationOutcome(c, $"turn {i + 1}: {string.Join("; ", problems)}");
            }
        }

        return new ConversationOutcome(c, null);
    }
}
