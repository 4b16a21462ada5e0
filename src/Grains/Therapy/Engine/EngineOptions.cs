namespace TrtOrleans.Therapy.Engine;

/// <summary>Engine settings (the safety text of docs/engine.md "Crisis protocol", the LLM budget of "LLM use"). A plain options class so the host can bind it
/// from configuration; the defaults are the documented ones (docs/engine.md).</summary>
public sealed class EngineOptions
{
    /// <summary>Safety:ReplyResourceLine — the sentence put into crisis and follow-up replies.</summary>
    public string ReplyResourceLine { get; set; } =
        "You can call or text 988 to reach the Suicide & Crisis Lifeline (US), or call 911 in an emergency.";

    /// <summary>Safety:Resources — listed in safety.resources on crisis and safety turns.</summary>
    public List<string> Resources { get; set; } =
    [
        "988 Suicide & Crisis Lifeline (US): call or text 988",
        "Emergency services (US): call 911",
        "Outside the US: findahelpline.com lists local crisis lines",
    ];

    /// <summary>Llm:TurnBudgetSeconds — all LLM calls of one turn together.</summary>
    public double LlmTurnBudgetSeconds { get; set; } = 35;
}
