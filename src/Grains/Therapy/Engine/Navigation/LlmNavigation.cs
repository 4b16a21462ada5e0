using System.Text;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>LLM navigation at points N1 (1.2 selector) and N2 (R31-5) (docs/engine.md "LLM use"). The LLM only picks
/// among allowed plans; the chosen plan's effects are the engine's own, and every failure keeps the deterministic
/// plan.</summary>
internal static class LlmNavigation
{
    private const int PromptExchanges = 3;

    public static async Task<TurnOutline> ChooseAsync(TurnScope t, TurnOutline outline, CancellationToken ct)
    {
        var options = outline.Point switch
        {
            LlmPoint.N1 => N1Options(t, outline.Plan),
            LlmPoint.N2 => N2Options(t, outline.Plan),
            _ => [],
        };
        if (options.Count < 2 || t.Engine.Llm is not { Available: true } llm)
        {
            return outline;
        }

        var request = new NavigationRequest(
            options.Select(o => o.Option).ToList(), StateSummary(t), LastExchanges(t.S), t.A.CorrectedInput, LlmSeed(t.S));
        LlmOutcome<NavigationOption> outcome;
        try
        {
            outcome = await llm.ChooseNavigationAsync(request, ct);
        }
        catch (OperationCanceledException)
        {
            outcome = LlmOutcome<NavigationOption>.Fail("timeout");
        }
        catch (Exception)
        {
            outcome = LlmOutcome<NavigationOption>.Fail("exception");
        }

        // The triple must equal an allowed row; anything else keeps the deterministic plan.
        var chosen = outcome is { Succeeded: true, Value: { } value }
            ? options.FirstOrDefault(o => o.Option.Decision == value.Decision
                && o.Option.SituationType == value.SituationType && o.Option.RagQuery == value.RagQuery)
            : default;
        if (chosen.Plan is null)
        {
            return outline with
            {
                Reasoning = "fallback: " + (outcome.Succeeded ? "wrong_triple" : outcome.FallbackReason ?? "unknown"),
                Analytics = [.. outline.Analytics, "llm_fallback"],
            };
        }

        return outline with
        {
            Plan = chosen.Plan,
            Reasoning = StateEdits.Cut("llm: " + (outcome.Reasoning ?? chosen.Plan.Decision), 205),
        };
    }

    private static List<(NavigationOption Option, TurnPlan Plan)> N1Options(TurnScope t, TurnPlan step)
    {
        var s = t.S;
        var options = new List<(NavigationOption Option, TurnPlan Plan)> { (Option(step, "the checklist's next step"), step) };
        if (s.GeneralInquiryStreak < Limits.GeneralInquiry && step.Decision != Decisions.GeneralInquiry)
        {
            var general = BodySelector.GeneralInquiryPlan(RuleId.R12_N1);
            options.Add((Option(general, "reflect briefly and invite them to say more"), general));
        }

        if (t.C.ProblemIdentified && !s.PatternInquiryAsked && step.Decision != Decisions.PatternInquiry)
        {
            var pattern = BodySelector.PatternPlan(RuleId.R12_N1);
            options.Add((Option(pattern, "ask how they know when it is starting"), pattern));
        }

        if (!s.ProblemQuestionAsked && step.Decision != Decisions.ExploreProblem)
        {
            var problem = new TurnPlan(RuleId.R12_N1, Decisions.ExploreProblem, Situations.ProblemNeedsExploration,
                RagQueries.ProblemConstruction, Intents.ProblemQuestion, "ask what gets in the way");
            options.Add((Option(problem, "ask what has been getting in the way of how they want to feel"), problem));
        }

        return options;
    }

    private static List<(NavigationOption Option, TurnPlan Plan)> N2Options(TurnScope t, TurnPlan readiness)
    {
        var options = new List<(NavigationOption Option, TurnPlan Plan)>
        {
            (Option(readiness, "ask once more whether anything else needs understanding first"), readiness),
        };
        if (t.S.GeneralInquiryStreak < Limits.GeneralInquiry)
        {
            var general = BodySelector.GeneralInquiryPlan(RuleId.R31_5_N2);
            options.Add((Option(general, "reflect briefly and invite them to say more"), general));
        }

        return options;
    }

    private static NavigationOption Option(TurnPlan plan, string meaning) =>
        new(plan.Decision, plan.Situation, plan.RagQuery, meaning);

    /// <summary>Counters and flags only: no client text, ids or timestamps.</summary>
    private static string StateSummary(TurnScope t)
    {
        var s = t.S;
        var sb = new StringBuilder();
        sb.Append("substate=").Append(s.CurrentSubstate);
        foreach (var (name, value) in s.CompletionCriteriaMap())
        {
            sb.Append(';').Append(name).Append('=').Append(value ? "true" : "false");
        }

        sb.Append(";body_question_count=").Append(s.BodyQuestionCount)
            .Append(";body_enquiry_cycles=").Append(s.BodyEnquiryCycles)
            .Append(";readiness_asks=").Append(s.ReadinessAsks)
            .Append(";general_inquiry_streak=").Append(s.GeneralInquiryStreak)
            .Append(";pending=").Append(t.Pending);
        return sb.ToString();
    }

    public static List<PromptExchange> LastExchanges(EngineState s) => s.RecentExchanges.TakeLast(PromptExchanges)
        .Select(e => new PromptExchange(e.ClientInput, e.TherapistResponse)).ToList();

    /// <summary>The session seed folded to int32 (XOR of its halves).</summary>
    public static int LlmSeed(EngineState s) => unchecked((int)((uint)s.Seed ^ (uint)(s.Seed >> 32)));
}
