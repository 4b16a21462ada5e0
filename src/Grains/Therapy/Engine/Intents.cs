using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>How a reply intent is produced (docs/engine.md "Reply composition").</summary>
internal enum IntentClass
{
    /// <summary>Crisis and safety follow-up: template only, never LLM or retrieval.</summary>
    Safety,
    /// <summary>Silence, redirects, redirect cap: template only.</summary>
    Gate,
    /// <summary>Psycho-education, permission, alpha, completion, closing: template (permission may use an exemplar).</summary>
    Protocol,
    /// <summary>Goal, vision, problem, body, present, pattern, general, readiness: exemplar/template, optional LLM phrasing.</summary>
    Conversational,
}

/// <summary>Reply intents (docs/engine.md "Reply composition", "The exercise", "Crisis protocol") and template keys. A template key is an intent or one of its named
/// variants (e.g. the second location ask that offers example places).</summary>
internal static class Intents
{
    public const string GoalQuestion = "goal_question";
    public const string GoalRedirectOutcome = "goal_redirect_outcome";
    public const string GoalMenu = "goal_menu";
    public const string GoalSuggestDefault = "goal_suggest_default";
    public const string GoalRefine = "goal_refine";
    public const string VisionPresent = "vision_present";
    public const string VisionRepresent = "vision_represent";

    /// <summary>A vision of an inferred desired state, offered as a suggestion (amendment A2).</summary>
    public const string VisionSuggest = "vision_suggest";
    public const string PsychoEducation = "psycho_education";
    public const string PsychoEducationSimpler = "psycho_education_simpler";
    public const string ProblemQuestion = "problem_question";
    public const string BodyEntry = "body_entry";
    public const string AskLocation = "ask_location";
    public const string AskLocationExamples = "ask_location_examples";
    public const string AskSensation = "ask_sensation";
    public const string AskPresentMoment = "ask_present_moment";
    public const string AskPresentMomentOpen = "ask_present_moment_open";
    public const string AskPattern = "ask_pattern";
    public const string GeneralInquiry = "general_inquiry";
    public const string ReadinessQuestion = "readiness_question";
    public const string ReadinessQuestionBodyLimit = "readiness_question_body_limit";
    public const string ReadinessOpen = "readiness_open";
    public const string ReadinessReask = "readiness_reask";
    public const string PermissionRequest = "permission_request";
    public const string PermissionReassure = "permission_reassure";
    public const string PermissionExplain = "permission_explain";
    public const string PermissionAfterRedirects = "permission_after_redirects";
    public const string RedirectPast = "redirect_past";
    public const string RedirectThinking = "redirect_thinking";
    public const string Silence = "silence";
    public const string PauseOffer = "pause_offer";
    public const string AlphaMoveOn = "alpha_move_on";
    public const string AlphaJustNotice = "alpha_just_notice";
    public const string Completion = "completion";
    public const string Closing = "closing";
    public const string ClosingPositive = "closing_positive";
    public const string ClosingDifficult = "closing_difficult";
    public const string CloseWithoutExercise = "close_without_exercise";
    public const string AfterClose = "after_close";
    public const string CrisisModerate = "crisis_moderate";
    public const string CrisisHigh = "crisis_high";
    public const string CrisisImmediate = "crisis_immediate";
    public const string SafetySafe = "safety_safe";
    public const string SafetyUnsafe = "safety_unsafe";
    public const string SafetyUnclear = "safety_unclear";
    public const string SafetyHoldNote = "safety_hold_note";
    public const string AckNegative = "ack_negative";
    public const string AckPositive = "ack_positive";
    public const string AckNeutral = "ack_neutral";

    public static string Alpha(AlphaStep step) => "alpha_" + StepName(step);
    public static string AlphaNormalise(AlphaStep step) => "alpha_normalise_" + StepName(step);
    public static string AlphaReexplain(AlphaStep step) => "alpha_reexplain_" + StepName(step);
    public static string AlphaInstruction(AlphaStep step) => "alpha_instruction_" + StepName(step);

    public static string StepName(AlphaStep step) => step switch
    {
        AlphaStep.Jaw => "jaw",
        AlphaStep.Tongue => "tongue",
        AlphaStep.Breath => "breath",
        AlphaStep.Done => "done",
        _ => "none",
    };

    private static readonly AlphaStep[] _steps = [AlphaStep.Jaw, AlphaStep.Tongue, AlphaStep.Breath];

    /// <summary>Every template key the engine may ask for; the loader refuses a template set missing one.</summary>
    public static readonly IReadOnlyList<string> RequiredKeys =
    [
        GoalQuestion, GoalRedirectOutcome, GoalMenu, GoalSuggestDefault, GoalRefine, VisionPresent, VisionRepresent,
        VisionSuggest, PsychoEducation, PsychoEducationSimpler, ProblemQuestion, BodyEntry, AskLocation, AskLocationExamples,
        AskSensation, AskPresentMoment, AskPresentMomentOpen, AskPattern, GeneralInquiry, ReadinessQuestion,
        ReadinessQuestionBodyLimit, ReadinessOpen, ReadinessReask, PermissionRequest, PermissionReassure,
        PermissionExplain, PermissionAfterRedirects, RedirectPast, RedirectThinking, Silence, PauseOffer,
        AlphaMoveOn, AlphaJustNotice, Completion, Closing, ClosingPositive, ClosingDifficult, CloseWithoutExercise,
        AfterClose, CrisisModerate, CrisisHigh, CrisisImmediate, SafetySafe, SafetyUnsafe, SafetyUnclear,
        SafetyHoldNote, AckNegative, AckPositive, AckNeutral,
        .. _steps.Select(Alpha), .. _steps.Select(AlphaNormalise), .. _steps.Select(AlphaReexplain),
        .. _steps.Select(AlphaInstruction),
    ];

    /// <summary>Keys whose content slots may be empty when they are asked (no emotion word yet, no topic, only a
    /// location): they need one variant without content slots. The others are only asked once their slot is known.</summary>
    public static readonly IReadOnlySet<string> SlotFreeVariantRequired = new HashSet<string>(StringComparer.Ordinal)
    {
        GoalQuestion, GoalRedirectOutcome, ProblemQuestion, BodyEntry, AskLocation, AskSensation, AskPresentMoment,
        AskPattern, GeneralInquiry,
    };

    /// <summary>The reported intent of a template key (variants report their parent intent).</summary>
    public static string IntentOf(string key) => key switch
    {
        AskLocationExamples => AskLocation,
        AskPresentMomentOpen => AskPresentMoment,
        ReadinessQuestionBodyLimit => ReadinessQuestion,
        ClosingPositive or ClosingDifficult => Closing,
        _ => key,
    };

    public static IntentClass ClassOf(string key)
    {
        var intent = IntentOf(key);
        if (intent.StartsWith("crisis_", StringComparison.Ordinal) || intent.StartsWith("safety_", StringComparison.Ordinal))
        {
            return IntentClass.Safety;
        }

        return intent switch
        {
            Silence or PauseOffer or RedirectPast or RedirectThinking or PermissionAfterRedirects => IntentClass.Gate,
            GoalQuestion or GoalRedirectOutcome or GoalMenu or GoalSuggestDefault or GoalRefine or VisionPresent
                or VisionRepresent or VisionSuggest or ProblemQuestion or BodyEntry or AskLocation or AskSensation or AskPresentMoment
                or AskPattern or GeneralInquiry or ReadinessQuestion or ReadinessOpen or ReadinessReask
                => IntentClass.Conversational,
            _ => IntentClass.Protocol,
        };
    }

    /// <summary>The question kind a reply of this key leaves pending (null = keep the current one).</summary>
    public static QuestionKind? KindOf(string key)
    {
        var intent = IntentOf(key);
        if (intent.StartsWith("alpha_", StringComparison.Ordinal))
        {
            return QuestionKind.AlphaCheckpoint;
        }

        if (intent.StartsWith("crisis_", StringComparison.Ordinal) || intent is SafetyUnsafe or SafetyUnclear)
        {
            return QuestionKind.Safety;
        }

        return intent switch
        {
            GoalQuestion or GoalRedirectOutcome => QuestionKind.Goal,
            GoalMenu => QuestionKind.GoalMenu,
            GoalRefine => QuestionKind.GoalRefine,
            GoalSuggestDefault or VisionPresent or VisionRepresent or VisionSuggest => QuestionKind.VisionCheck,
            PsychoEducation or PsychoEducationSimpler => QuestionKind.EducationCheck,
            ProblemQuestion => QuestionKind.Problem,
            BodyEntry => QuestionKind.BodyEntry,
            AskLocation => QuestionKind.BodyLocation,
            AskSensation => QuestionKind.Sensation,
            AskPresentMoment => QuestionKind.PresentMoment,
            AskPattern => QuestionKind.Pattern,
            GeneralInquiry or ReadinessOpen => QuestionKind.Open,
            ReadinessQuestion or ReadinessReask => QuestionKind.Readiness,
            PermissionRequest or PermissionReassure or PermissionExplain or PermissionAfterRedirects
                => QuestionKind.Permission,
            RedirectPast or RedirectThinking => QuestionKind.Redirect,
            Completion => QuestionKind.CompletionCheck,
            Closing or CloseWithoutExercise or AfterClose => QuestionKind.Closing,
            _ => null,
        };
    }

    /// <summary>The intents whose replies may exceed three sentences (docs/engine.md "Reply composition").</summary>
    public static bool IsLong(string key)
    {
        var intent = IntentOf(key);
        return intent is VisionPresent or PsychoEducation or PermissionRequest
            || intent.StartsWith("crisis_", StringComparison.Ordinal)
            || intent.StartsWith("safety_", StringComparison.Ordinal);
    }
}
