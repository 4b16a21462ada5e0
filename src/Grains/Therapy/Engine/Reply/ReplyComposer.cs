using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>Reply composition (docs/engine.md "Reply composition"): a verbatim exemplar or a template, and for
/// conversational intents the optional LLM phrasing, which falls back to the deterministic draft on any failure.</summary>
internal static class ReplyComposer
{
    private const int ExemplarTextsForPrompt = 3;

    public static async Task<ComposedReply> ComposeAsync(TurnScope t, TurnOutline outline, CancellationToken ct)
    {
        var renderer = new ReplyRenderer(t, outline);
        var plan = outline.Plan;
        ComposedReply reply;
        if (plan.Class is IntentClass.Conversational
            || (plan.Class == IntentClass.Protocol && plan.Rule is RuleId.R315_1 or RuleId.R315_2))
        {
            reply = await RetrievedOrTemplateAsync(t, plan, renderer, ct);
        }
        else
        {
            reply = new ComposedReply(renderer.Render(plan.TemplateKey), null, []);
        }

        var text = reply.Text;
        if (plan.FollowUp is { } followUp)
        {
            text = ReplyRenderer.JoinSentences(text, renderer.Render(followUp.TemplateKey));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            text = renderer.Render(Intents.GeneralInquiry); // nothing else produced text
        }

        return reply with { Text = text };
    }

    private static async Task<ComposedReply> RetrievedOrTemplateAsync(
        TurnScope t, TurnPlan plan, ReplyRenderer renderer, CancellationToken ct)
    {
        IReadOnlyList<RetrievedExemplar> hits = [];
        var retriever = t.Engine.Retriever;
        if (plan.RagQuery is not null && retriever is not null)
        {
            try
            {
                hits = await retriever.RetrieveAsync(plan.RagQuery, t.A.CorrectedInput, ct);
            }
            catch (Exception)
            {
                hits = []; // a failure means "nothing retrieved"
            }
        }

        var entry = t.Engine.Templates.Get(plan.TemplateKey);
        string? draft = null;
        // An inferred goal is never put in exemplar words, which may restate it as the client's wish (A2).
        if (hits.Count > 0 && plan.Intent != Intents.VisionSuggest && VerbatimExemplar(t, hits[0].Exemplar, entry, renderer) is { } verbatim)
        {
            draft = verbatim;
            StateEdits.AddLatest(t.S.UsedExemplars, hits[0].Exemplar.Id, EngineState.UsedExemplarsCap);
        }

        draft ??= renderer.Render(plan.TemplateKey);
        if (plan.Class != IntentClass.Conversational || t.Engine.Llm is not { Available: true } llm)
        {
            return new ComposedReply(draft, null, []);
        }

        var exemplarTexts = hits.Take(ExemplarTextsForPrompt)
            .Select(h => renderer.Fill(h.Exemplar.TherapistText, neutral: true) ?? "")
            .Where(x => x.Length > 0)
            .ToList();
        var request = new PhrasingRequest(
            plan.Intent,
            entry.MustDo,
            draft,
            renderer.Slots.Content(),
            RequiredWords(t, plan, renderer.Slots),
            exemplarTexts,
            LlmNavigation.LastExchanges(t.S),
            t.A.CorrectedInput,
            entry.Question,
            plan.Intent is Intents.VisionPresent or Intents.VisionRepresent or Intents.VisionSuggest
                or Intents.GoalSuggestDefault,
            LlmNavigation.LlmSeed(t.S));
        var reason = "exception";
        try
        {
            var outcome = await llm.RephraseAsync(request, ct);
            var value = outcome.Value?.Trim();
            if (outcome.Succeeded && !string.IsNullOrEmpty(value)
                && (!entry.Question || (value.EndsWith('?') && value.Count(c => c == '?') == 1)))
            {
                return new ComposedReply(value, "reply: llm", []);
            }

            reason = outcome.Succeeded ? "filtered:question_count" : outcome.FallbackReason ?? "unknown";
        }
        catch (OperationCanceledException)
        {
            reason = "timeout";
        }
        catch (Exception)
        {
            // Any LLM failure falls back to the deterministic draft.
        }

        return new ComposedReply(draft, "reply fallback: " + reason, ["llm_fallback"]);
    }

    /// <summary>A project exemplar tagged verbatim_ok, not used before in this session, all slots filled.</summary>
    private static string? VerbatimExemplar(TurnScope t, Exemplar exemplar, TemplateEntry entry, ReplyRenderer renderer)
    {
        if (!exemplar.VerbatimOk || !exemplar.FromProject || t.S.UsedExemplars.Contains(exemplar.Id))
        {
            return null;
        }

        var text = exemplar.TherapistText;
        if (!exemplar.HasAck && !text.Contains("{ack}", StringComparison.Ordinal))
        {
            text = "{ack} " + text;
        }

        if (renderer.Fill(text, neutral: false) is not { } filled)
        {
            return null;
        }

        var trimmed = filled.TrimEnd();
        return entry.Question && (!trimmed.EndsWith('?') || trimmed.Count(c => c == '?') != 1) ? null : filled;
    }

    private static List<string> RequiredWords(TurnScope t, TurnPlan plan, SlotValues slots)
    {
        var words = new List<string>();
        // The words as the slots render them, so the draft itself always passes the check.
        if (plan.Intent == Intents.AskLocation && slots.Get("emotion") is { } emotion)
        {
            words.Add(emotion);
        }

        if (plan.Intent is Intents.VisionPresent or Intents.VisionRepresent or Intents.VisionSuggest
            && slots.Get("desired_state") is { } state)
        {
            words.Add(state);
        }

        return words;
    }
}
