using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>3.2 the alpha exercise (docs/engine.md "The exercise"): jaw → tongue → breath, each step at most three
/// answers.</summary>
internal static class AlphaNavigator
{
    public static TurnPlan Plan(string key, string summary) =>
        new(RuleId.R32, Decisions.AlphaSequence, Situations.AlphaInProgress, null, key, summary);

    public static TurnPlan Navigate(TurnScope t)
    {
        var s = t.S;
        var step = s.AlphaStep is AlphaStep.None or AlphaStep.Done ? AlphaStep.Jaw : s.AlphaStep;
        var result = t.A.Checkpoint;
        if (result == CheckpointClass.Stop)
        {
            return Stop(t, "alpha_stopped", "T32-b stop; close");
        }

        if (result == CheckpointClass.Calm)
        {
            Record(s, step, result);
            return Advance(t, step, moveOn: false, "calm");
        }

        if (s.AlphaStepAttempts >= Limits.AlphaRetries)
        {
            Record(s, step, result);
            return Advance(t, step, moveOn: true, "retries used; move on");
        }

        if (Limits.BackstopReached(s))
        {
            return Stop(t, "backstop", "TB backstop 3.2; close");
        }

        s.AlphaStepAttempts++;
        var key = result switch
        {
            CheckpointClass.Tense => Intents.AlphaNormalise(step),
            CheckpointClass.Same => Intents.AlphaJustNotice,
            _ => Intents.AlphaReexplain(step),
        };
        return Plan(key, $"{result.ToString().ToLowerInvariant()} at {Intents.StepName(step)}; repeat step");
    }

    /// <summary>The exercise ends without finishing (a stop, the backstop, leave-taking): T32-b's effects.</summary>
    public static TurnPlan Stop(TurnScope t, string reason, string summary, RuleId rule = RuleId.R40_2)
    {
        t.S.AlphaStopped = true;
        t.S.ClosingReason = "alpha_stopped";
        return Entries.CloseWithoutExercise(t, reason, summary, rule);
    }

    private static TurnPlan Advance(TurnScope t, AlphaStep step, bool moveOn, string why)
    {
        var s = t.S;
        s.AlphaStepAttempts = 0;
        if (step == AlphaStep.Breath)
        {
            s.AlphaStep = AlphaStep.Done;
            s.AlphaComplete = true;
            t.C.ReadyForStage2 = true;
            s.ClosingReason = "alpha_complete";
            StateEdits.Transition(s, Substates.Complete, "alpha_complete", t.Now);
            return new TurnPlan(RuleId.R40_1, Decisions.CloseSession, Situations.SessionClosing, null,
                Intents.Completion, $"T32-a breath resolved ({why}); completion");
        }

        if (Limits.BackstopReached(s))
        {
            return Stop(t, "backstop", "TB backstop 3.2; close");
        }

        var next = step == AlphaStep.Jaw ? AlphaStep.Tongue : AlphaStep.Breath;
        s.AlphaStep = next;
        return Plan(moveOn ? Intents.AlphaMoveOn : Intents.Alpha(next), $"{why}; next {Intents.StepName(next)}");
    }

    private static void Record(EngineState s, AlphaStep step, CheckpointClass result)
    {
        s.AlphaCheckpoints.Add(new AlphaCheckpointRecord
        {
            Step = Intents.StepName(step), Result = result.ToString().ToLowerInvariant(),
        });
        StateEdits.Trim(s.AlphaCheckpoints, EngineState.AlphaCheckpointsCap);
    }
}
