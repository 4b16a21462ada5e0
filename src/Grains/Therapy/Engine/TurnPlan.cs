using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>The plan of one turn (docs/engine.md "Navigation"): what is reported in navigation and which reply is
/// produced.</summary>
internal sealed record TurnPlan(
    RuleId Rule,
    string Decision,
    string Situation,
    string? RagQuery,
    string TemplateKey,
    string Summary)
{
    /// <summary>False for a re-entry question after a safety hold: it counts toward no attempt or ask counter.</summary>
    public bool CountsAsAsk { get; init; } = true;

    /// <summary>Focus of the cycle a body-entry reply starts (S2b); the cycle begins when the reply is sent.</summary>
    public string? CycleFocus { get; init; }

    /// <summary>A follow-up question appended to this reply (the re-entry question after "I am safe").</summary>
    public TurnPlan? FollowUp { get; init; }

    public string Intent => Intents.IntentOf(TemplateKey);

    public IntentClass Class => Intents.ClassOf(TemplateKey);

    public QuestionKind? Kind => Intents.KindOf(TemplateKey);
}

/// <summary>Decisions and situation types (docs/engine.md "Rule ids").</summary>
internal static class Decisions
{
    public const string ClarifyGoal = "clarify_goal";
    public const string BuildVision = "build_vision";
    public const string ProvidePsychoEducation = "provide_psycho_education";
    public const string ExploreProblem = "explore_problem";
    public const string BodyAwarenessInquiry = "body_awareness_inquiry";
    public const string BodySymptomsExploration = "body_symptoms_exploration";
    public const string PresentMomentFocus = "present_moment_focus";
    public const string PatternInquiry = "pattern_inquiry";
    public const string GeneralInquiry = "general_inquiry";
    public const string AssessReadiness = "assess_readiness";
    public const string RequestAlphaPermission = "request_alpha_permission";
    public const string AlphaSequence = "alpha_sequence";
    public const string CloseSession = "close_session";
    public const string CrisisResponse = "crisis_response";
    public const string SafetyFollowup = "safety_followup";
    public const string RedirectPastTense = "redirect_past_tense";
    public const string RedirectThinkingMode = "redirect_thinking_mode";
    public const string EngagementCheck = "engagement_check";
}

internal static class Situations
{
    public const string GoalNeedsClarification = "goal_needs_clarification";
    public const string GoalStatedNeedsVision = "goal_stated_needs_vision";
    public const string PsychoEducation = "psycho_education";
    public const string ProblemNeedsExploration = "problem_needs_exploration";
    public const string BodySymptomsExploration = "body_symptoms_exploration";
    public const string PresentMomentAwareness = "present_moment_awareness";
    public const string ExploreTriggerPattern = "explore_trigger_pattern";
    public const string GeneralTherapeuticInquiry = "general_therapeutic_inquiry";
    public const string ReadinessForAlpha = "readiness_for_alpha";
    public const string BodyEnquiryCycle2 = "body_enquiry_cycle_2";
    public const string AlphaPermission = "alpha_permission";
    public const string AlphaInProgress = "alpha_in_progress";
    public const string SessionClosing = "session_closing";
    public const string CrisisDetected = "crisis_detected";
    public const string SafetyFollowup = "safety_followup";
    public const string PastTenseRedirect = "past_tense_redirect";
    public const string ThinkingModeRedirect = "thinking_mode_redirect";
    public const string EngagementCheck = "engagement_check";
}
