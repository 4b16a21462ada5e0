namespace TrtOrleans.Therapy.Text;

/// <summary>Names of the lexicon lists the detectors read (keys of the "lists" objects in Data/lexicons/*.json).</summary>
internal static class ListNames
{
    public const string Negator = "negator";
    public const string Filler = "filler";
    public const string FrameWord = "frame_word";
    public const string FramePhrase = "frame_phrase";
    public const string NegationCancel = "negation_cancel";
    public const string Maybe = "maybe";
    public const string AnswerParticle = "answer_particle";
    public const string DesireCategory = "desire_category";
    public const string FeelingFrame = "feeling_frame";
    public const string QuestionWord = "question_word";
    public const string StatementSubject = "statement_subject";
    public const string Greeting = "greeting";
    public const string Courtesy = "courtesy";

    public const string CrisisCue = "crisis_cue";
    public const string CrisisImmediacy = "crisis_immediacy";
    public const string CrisisDenial = "crisis_denial";
    public const string CrisisAccident = "crisis_accident";
    public const string CrisisLeadIn = "crisis_leadin";

    public const string Emotion = "emotion";
    public const string EmotionOtherSubject = "emotion_other_subject";

    public const string BodyLocation = "body_location";
    public const string BodySensation = "body_sensation";
    public const string BodyAbsent = "body_absent";
    public const string BodyPresent = "body_present";
    public const string BodyChange = "body_change";
    public const string BodyChangePrefix = "body_change_prefix";

    public const string GoalState = "goal_state";
    public const string GoalDesire = "goal_desire";
    public const string GoalReduction = "goal_reduction";
    public const string GoalReductionLabel = "goal_reduction_label";
    public const string GoalAnswerReduction = "goal_answer_reduction";
    public const string GoalReturn = "goal_return";
    public const string GoalToFrame = "goal_to_frame";
    public const string GoalSelfDescription = "goal_self_description";
    public const string GoalStateConnector = "goal_state_connector";
    public const string GoalAckFiller = "goal_ack_filler";

    public const string Answer = "answer";
    public const string Thinking = "thinking";
    public const string Past = "past";
    public const string Idk = "idk";
    public const string IdkComplement = "idk_complement";

    public const string ProblemTopic = "problem_topic";
    public const string ProblemStatement = "problem_statement";
    public const string ProblemWord = "problem_word";
    public const string PatternCue = "pattern_cue";

    public const string Checkpoint = "checkpoint";
    public const string SafetyCue = "safety_cue";
    public const string SafetyNegatedUnsafe = "safety_negated_unsafe";
    public const string SafetyNegatedOkay = "safety_negated_okay";
    public const string CheckpointFlip = "checkpoint_flip";
    public const string SelfAm = "self_am";
}
