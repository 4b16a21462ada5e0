using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Retrieval;

/// <summary>The value sets an exemplar record may use (docs/engine.md "Substates and completion criteria", docs/engine.md "Navigation", docs/engine.md "Reply composition").</summary>
public static class ExemplarVocabulary
{
    public static readonly IReadOnlySet<string> Substates = new HashSet<string>(StringComparer.Ordinal)
    {
        Contracts.Substates.Stage, Contracts.Substates.GoalAndVision, Contracts.Substates.PsychoEducation,
        Contracts.Substates.ProblemAndBody, Contracts.Substates.AssessReadiness, Contracts.Substates.AlphaPermission,
        Contracts.Substates.AlphaSequence, Contracts.Substates.Complete,
    };

    public static readonly IReadOnlySet<string> SituationTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "goal_needs_clarification", "goal_stated_needs_vision", "psycho_education", "problem_needs_exploration",
        "body_symptoms_exploration", "present_moment_awareness", "explore_trigger_pattern",
        "general_therapeutic_inquiry", "readiness_for_alpha", "body_enquiry_cycle_2", "alpha_permission",
        "alpha_in_progress", "session_closing", "crisis_detected", "safety_followup", "past_tense_redirect",
        "thinking_mode_redirect", "engagement_check",
    };

    public static readonly IReadOnlySet<string> RagQueryValues = new HashSet<string>(RagQueries.All, StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> Slots = new HashSet<string>(StringComparer.Ordinal)
    {
        "ack", "emotion", "location", "sensation", "desired_state", "problem",
    };

    public const string VerbatimOk = "verbatim_ok";
    public const string HasAck = "has_ack";
    public const string SourceProject = "source:project";
    public const string SourceLegacy = "source:legacy";
}
