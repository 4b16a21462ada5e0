using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

// §11 the alpha exercise: jaw → tongue → breath, each step at most three answers.
internal sealed partial class TurnProcessor
{
    private const int AlphaRetriesCap = 2;

    private static TurnPlan AlphaPlan(string key, string summary) =>
        new("R32", Decisions.AlphaSequence, Situations.AlphaInProgress, null, key, summary);

    private void Navigate32()
    {
        var step = _s.AlphaStep is AlphaStep.None or AlphaStep.Done ? AlphaStep.Jaw : _s.AlphaStep;
        var result = _a.Checkpoint;
        if (result == CheckpointClass.Stop)
        {
            _s.AlphaStopped = true;
            _s.ClosingReason = "alpha_stopped";
            CloseWithout(Substates.Complete, "alpha_stopped", "T32-b stop; close");
            return;
        }

        if (result == CheckpointClass.Calm)
        {
            Record(step, result);
            AdvanceAlpha(step, moveOn: false, "calm");
            return;
        }

        if (_s.AlphaStepAttempts >= AlphaRetriesCap)
        {
            Record(step, result);
            AdvanceAlpha(step, moveOn: true, "retries used; move on");
            return;
        }

        if (BackstopReached)
        {
            StopByBackstop();
            return;
        }

        _s.AlphaStepAttempts++;
        var key = result switch
        {
            CheckpointClass.Tense => Intents.AlphaNormalise(step),
            CheckpointClass.Same => Intents.AlphaJustNotice,
            _ => Intents.AlphaReexplain(step),
        };
        _plan = AlphaPlan(key, $"{result.ToString().ToLowerInvariant()} at {Intents.StepName(step)}; repeat step");
    }

    private void AdvanceAlpha(AlphaStep step, bool moveOn, string why)
    {
        _s.AlphaStepAttempts = 0;
        if (step == AlphaStep.Breath)
        {
            _s.AlphaStep = AlphaStep.Done;
            _s.AlphaComplete = true;
            C.ReadyForStage2 = true;
            _s.ClosingReason = "alpha_complete";
            Transition(Substates.Complete, "alpha_complete");
            _plan = new TurnPlan("R40-1", Decisions.CloseSession, Situations.SessionClosing, null, Intents.Completion,
                $"T32-a breath resolved ({why}); completion");
            return;
        }

        if (BackstopReached)
        {
            StopByBackstop();
            return;
        }

        var next = step == AlphaStep.Jaw ? AlphaStep.Tongue : AlphaStep.Breath;
        _s.AlphaStep = next;
        _plan = AlphaPlan(moveOn ? Intents.AlphaMoveOn : Intents.Alpha(next), $"{why}; next {Intents.StepName(next)}");
    }

    /// <summary>The 3.2 backstop ends the exercise as T32-b does: it did not finish.</summary>
    private void StopByBackstop()
    {
        _s.AlphaStopped = true;
        _s.ClosingReason = "alpha_stopped";
        CloseWithout(Substates.Complete, "backstop", "TB backstop 3.2; close");
    }

    private void Record(AlphaStep step, CheckpointClass result)
    {
        _s.AlphaCheckpoints.Add(new AlphaCheckpointRecord
        {
            Step = Intents.StepName(step), Result = result.ToString().ToLowerInvariant(),
        });
        Trim(_s.AlphaCheckpoints, EngineState.AlphaCheckpointsCap);
    }
}
