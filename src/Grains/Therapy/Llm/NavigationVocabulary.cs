namespace TrtOrleans.Therapy.Llm;

/// <summary>The closed sets of docs/engine.md "Navigation" the navigation answer is validated against.</summary>
internal static class NavigationVocabulary
{
    public static readonly IReadOnlyList<string> SituationTypes =
    [
        "goal_needs_clarification", "goal_stated_needs_vision", "psycho_education", "problem_needs_exploration",
        "body_symptoms_exploration", "present_moment_awareness", "explore_trigger_pattern",
        "general_therapeutic_inquiry", "readiness_for_alpha", "body_enquiry_cycle_2", "alpha_permission",
        "alpha_in_progress", "session_closing", "crisis_detected", "safety_followup", "past_tense_redirect",
        "thinking_mode_redirect", "engagement_check",
    ];
}
