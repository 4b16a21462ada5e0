using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>One turn as an explicit pipeline (docs/engine.md "The turn pipeline"): admission → facts → gates →
/// interpretation and navigation → optional LLM navigation → reply composition → emission → result. Each stage takes
/// its inputs as arguments and returns its outcome as a value; the only thing they share is the turn's private copy of
/// the session state.</summary>
internal static class TurnPipeline
{
    public static async Task<TurnDecision> RunAsync(TrtEngine engine, TurnInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.State);
        var (admitted, refused) = Admission.Decide(engine.Analyzer, input);
        if (admitted is null)
        {
            return refused!;
        }

        // The clone keeps the caller's copy intact, so a failed write leaves the grain's state as it was.
        var s = input.State.DeepClone();
        var facts = Facts(s, admitted, input);
        s.TurnCount++;
        s.LastInteraction = input.Now;
        var t = new TurnScope(engine, s, facts);
        var criteriaBefore = s.CompletionCriteriaMap();

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(TimeSpan.FromSeconds(Math.Max(0.1, engine.Options.LlmTurnBudgetSeconds)));

        // Any input with word tokens ends a silence streak, whichever gate handles it.
        if (facts.Analysis.HasWords)
        {
            s.SilenceStreak = 0;
        }

        var outline = Gate(t) ?? Navigators.Navigate(t, AnswerInterpreter.Apply(t));
        if (outline.Point != LlmPoint.None)
        {
            outline = await LlmNavigation.ChooseAsync(t, outline, budget.Token);
        }

        var audit = new List<AuditNote>();
        if (admitted.RateLimitBypassed)
        {
            audit.Add(new AuditNote("crisis_rate_limit_bypassed", facts.Analysis.Crisis.Risk));
        }

        audit.AddRange(outline.Audit);
        if (facts.Analysis.Crisis is { DenialNoted: true, Risk: < RiskLevel.Moderate })
        {
            audit.Add(new AuditNote("safety_denial_noted", RiskLevel.Low));
        }

        var reply = await ReplyComposer.ComposeAsync(t, outline, budget.Token);
        Emission.Apply(t, outline, reply.Text, criteriaBefore);
        var result = ResultBuilder.Build(
            t, outline, reply, audit, [.. outline.Analytics, .. reply.Analytics], admitted.RecentInputs);
        return new TurnDecision.Processed(result);
    }

    /// <summary>Gates in their normative order; the first that takes the turn wins. Null = an ordinary turn.</summary>
    private static TurnOutline? Gate(TurnScope t) =>
        CrisisGate.TryTake(t)
        ?? SafetyFollowUpGate.TryTake(t)
        ?? SilenceGate.TryTake(t)
        ?? LeaveTakingGate.TryTake(t)
        ?? RedirectGate.TryTake(t);

    private static TurnFacts Facts(EngineState s, Admitted admitted, TurnInput input)
    {
        var a = admitted.Analysis;
        return new TurnFacts(
            admitted.Input,
            a,
            s.LastQuestionKind,
            s.CurrentSubstate,
            a.Emotion.NegativeWords.Where(w => !s.Emotions.Contains(w)).Distinct().ToList(),
            a.Problem.Topics.Where(x => !s.ProblemTopics.Contains(x)).Distinct().ToList(),
            input.Now,
            input.AuditRef ?? "");
    }
}
