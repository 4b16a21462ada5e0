using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>The loop caps (docs/engine.md "Loop caps"): every loop of the conversation ends.</summary>
internal static class Limits
{
    public const int GoalAttempts = 3;
    public const int VisionAttempts = 3;
    public const int BodyQuestionLimit = 3;
    public const int BodyCycles = 2;
    public const int AsksPerCycle = 2;
    public const int GeneralInquiry = 2;
    public const int ReadinessAsks = 2;
    public const int PermissionAsks = 3;
    public const int PermissionDeclines = 2;
    public const int AlphaRetries = 2;

    /// <summary>Backstops: turns_in_substate caps per substate.</summary>
    public static readonly IReadOnlyDictionary<string, int> Backstops = new Dictionary<string, int>
    {
        [Substates.GoalAndVision] = 12,
        [Substates.PsychoEducation] = 3,
        [Substates.ProblemAndBody] = 15,
        [Substates.AssessReadiness] = 8,
        [Substates.AlphaPermission] = 5,
        [Substates.AlphaSequence] = 12,
    };

    public static bool BackstopReached(EngineState s) =>
        Backstops.TryGetValue(s.CurrentSubstate, out var cap) && s.TurnsInSubstate >= cap;
}
