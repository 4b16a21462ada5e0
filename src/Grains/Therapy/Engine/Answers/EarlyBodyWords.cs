using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>Amendment A3 (docs/engine.md "Amendments"): a body location or sensation the client names before body
/// cycle 1 exists is remembered, and cycle 1 starts from it, so no question asks again for what was already said.</summary>
internal static class EarlyBodyWords
{
    /// <summary>Remembers the body words of an answer given in 1.1 or 1.1.5 (in 1.2 the answer starts the cycle
    /// itself).</summary>
    public static void Remember(TurnScope t)
    {
        var s = t.S;
        var body = t.A.Body;
        if (s.Cycle is not null || s.BodyEnquiryCycles > 0
            || t.F.StartSubstate is not (Substates.GoalAndVision or Substates.PsychoEducation)
            || (body.Locations.Count == 0 && body.Sensations.Count == 0))
        {
            return;
        }

        s.EarlyBodyTurn = s.TurnCount;
        s.EarlyLocation |= body.Locations.Count > 0;
        s.EarlySensation |= body.Sensations.Count > 0;
        s.EarlyPresent |= body.PresentCue;
    }

    public static bool Kept(EngineState s) => s.EarlyBodyTurn is not null && s.Cycle is null;

    /// <summary>Seeds a starting cycle 1 with what was said early, and forgets it.</summary>
    public static void Seed(EngineState s, BodyCycle cycle)
    {
        if (s.EarlyBodyTurn is null)
        {
            return;
        }

        cycle.LocationGiven |= s.EarlyLocation;
        cycle.SensationGiven |= s.EarlySensation;
        if (s.EarlyPresent)
        {
            s.Stage1Completion.PresentMomentFocus = true;
        }

        s.EarlyBodyTurn = null;
        s.EarlyLocation = s.EarlySensation = s.EarlyPresent = false;
    }
}
