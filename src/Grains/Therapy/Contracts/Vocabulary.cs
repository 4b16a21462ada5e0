namespace TrtOrleans.Therapy.Contracts;

/// <summary>Observable string values (docs/engine.md "Substates and completion criteria", "Rule ids"), kept in one place.</summary>
public static class Substates
{
    public const string Stage = "stage_1_safety_building";
    public const string GoalAndVision = "1.1_goal_and_vision";
    public const string PsychoEducation = "1.1.5_psycho_education";
    public const string ProblemAndBody = "1.2_problem_and_body";
    public const string AssessReadiness = "3.1_assess_readiness";
    public const string AlphaPermission = "3.1.5_alpha_permission";
    public const string AlphaSequence = "3.2_alpha_sequence";
    public const string Complete = "stage_1_complete";
}

public static class RagQueries
{
    public const string GoalClarification = "dr_q_goal_clarification";
    public const string RedirectOutcome = "dr_q_redirect_outcome";
    public const string FutureSelfVision = "dr_q_future_self_vision_building";
    public const string ProblemConstruction = "dr_q_problem_construction";
    public const string BodySymptomPresentMoment = "dr_q_body_symptom_present_moment_inquiry";
    public const string BodyLocation = "dr_q_body_location";
    public const string Sensation = "dr_q_sensation";
    public const string PresentMoment = "dr_q_present_moment";
    public const string HowDoYouKnow = "dr_q_how_do_you_know_technique";
    public const string GeneralApproach = "general_dr_q_approach";
    public const string Ready = "dr_q_ready";
    public const string TransitionToIntervention = "dr_q_transition_to_intervention";

    public static readonly IReadOnlyList<string> All =
    [
        GoalClarification, RedirectOutcome, FutureSelfVision, ProblemConstruction, BodySymptomPresentMoment,
        BodyLocation, Sensation, PresentMoment, HowDoYouKnow, GeneralApproach, Ready, TransitionToIntervention,
    ];
}

/// <summary>Crisis risk, ordered: comparisons between levels are meaningful.</summary>
public enum RiskLevel
{
    None = 0,
    Low = 1,
    Moderate = 2,
    High = 3,
    Immediate = 4,
}

/// <summary>The kind of question the engine asked last (internal <c>last_question_kind</c>, docs/engine.md "Emission").</summary>
public enum QuestionKind
{
    None, Goal, GoalMenu, GoalRefine, VisionCheck, EducationCheck, Problem, BodyEntry, BodyLocation, Sensation,
    PresentMoment, Pattern, Open, Readiness, Permission, AlphaCheckpoint, CompletionCheck, Closing, Safety, Redirect,
}

/// <summary>Checkpoint classification of an answer during the alpha exercise (docs/engine.md "The exercise").</summary>
public enum CheckpointClass { Stop, Calm, Tense, Same, Unclear }

/// <summary>Classification of an answer to "are you safe right now?" (docs/engine.md "Crisis protocol"). Order = the classification's row order.</summary>
public enum SafetyAnswerClass { Unsafe, Safe, Unclear }

public static class Wire
{
    /// <summary>snake_case wire name of a risk level.</summary>
    public static string Name(this RiskLevel level) => level switch
    {
        RiskLevel.None => "none",
        RiskLevel.Low => "low",
        RiskLevel.Moderate => "moderate",
        RiskLevel.High => "high",
        _ => "immediate",
    };
}
