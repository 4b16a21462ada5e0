using System.Text;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

// §14.2 LLM navigation at points N1 (1.2 selector) and N2 (R31-5). The LLM only picks among allowed plans; the
// chosen plan's effects are the engine's own, and every failure keeps the deterministic plan.
internal sealed partial class TurnProcessor
{
    private async Task PointN1Async(TurnPlan step, CancellationToken ct)
    {
        var options = new List<(NavigationOption Option, TurnPlan Plan)> { (Option(step, "the checklist's next step"), step) };
        if (_s.GeneralInquiryStreak < GeneralInquiryCap && step.Decision != Decisions.GeneralInquiry)
        {
            var general = GeneralInquiryPlan("R12/N1");
            options.Add((Option(general, "reflect briefly and invite them to say more"), general));
        }

        if (C.ProblemIdentified && !_s.PatternInquiryAsked && step.Decision != Decisions.PatternInquiry)
        {
            var pattern = PatternPlan("R12/N1");
            options.Add((Option(pattern, "ask how they know when it is starting"), pattern));
        }

        if (!_s.ProblemQuestionAsked && step.Decision != Decisions.ExploreProblem)
        {
            var problem = new TurnPlan("R12/N1", Decisions.ExploreProblem, Situations.ProblemNeedsExploration,
                RagQueries.ProblemConstruction, Intents.ProblemQuestion, "ask what gets in the way");
            options.Add((Option(problem, "ask what has been getting in the way of how they want to feel"), problem));
        }

        await ChooseAsync(options, ct);
    }

    private async Task PointN2Async(CancellationToken ct)
    {
        var readiness = _plan;
        var options = new List<(NavigationOption Option, TurnPlan Plan)>
        {
            (Option(readiness, "ask once more whether anything else needs understanding first"), readiness),
        };
        if (_s.GeneralInquiryStreak < GeneralInquiryCap)
        {
            var general = GeneralInquiryPlan("R31-5/N2");
            options.Add((Option(general, "reflect briefly and invite them to say more"), general));
        }

        await ChooseAsync(options, ct);
    }

    private static NavigationOption Option(TurnPlan plan, string meaning) =>
        new(plan.Decision, plan.Situation, plan.RagQuery, meaning);

    private async Task ChooseAsync(List<(NavigationOption Option, TurnPlan Plan)> options, CancellationToken ct)
    {
        if (options.Count < 2 || _engine.Llm is not { Available: true } llm)
        {
            return;
        }

        var request = new NavigationRequest(
            options.Select(o => o.Option).ToList(), StateSummary(), LastExchanges(), _a.CorrectedInput, LlmSeed);
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
            _reasoning = "fallback: " + (outcome.Succeeded ? "wrong_triple" : outcome.FallbackReason ?? "unknown");
            _analytics.Add("llm_fallback");
            return;
        }

        _plan = chosen.Plan;
        _reasoning = Cut("llm: " + (outcome.Reasoning ?? chosen.Plan.Decision), 205);
    }

    /// <summary>Counters and flags only: no client text, ids or timestamps (§14.4).</summary>
    private string StateSummary()
    {
        var sb = new StringBuilder();
        sb.Append("substate=").Append(_s.CurrentSubstate);
        foreach (var (name, value) in _s.CompletionCriteriaMap())
        {
            sb.Append(';').Append(name).Append('=').Append(value ? "true" : "false");
        }

        sb.Append(";body_question_count=").Append(_s.BodyQuestionCount)
            .Append(";body_enquiry_cycles=").Append(_s.BodyEnquiryCycles)
            .Append(";readiness_asks=").Append(_s.ReadinessAsks)
            .Append(";general_inquiry_streak=").Append(_s.GeneralInquiryStreak)
            .Append(";pending=").Append(_pending);
        return sb.ToString();
    }
}
