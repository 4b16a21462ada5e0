using System.Text;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

// §10 reply selection: exemplar or template, deterministic variation, slots, optional LLM phrasing.
internal sealed partial class TurnProcessor
{
    private const int ExemplarTextsForPrompt = 3;
    private const int PromptExchanges = 3;

    private async Task<string> ComposeReplyAsync(CancellationToken ct)
    {
        var plan = _plan;
        string text;
        if (plan.Class is IntentClass.Conversational
            || (plan.Class == IntentClass.Protocol && plan.RuleId.StartsWith("R315", StringComparison.Ordinal)))
        {
            text = await RetrievedOrTemplateAsync(plan, ct);
        }
        else
        {
            text = Render(plan.TemplateKey);
        }

        if (plan.FollowUp is { } followUp)
        {
            text = JoinSentences(text, Render(followUp.TemplateKey));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            text = Render(Intents.GeneralInquiry); // §10.1 row 7
        }

        return text;
    }

    private async Task<string> RetrievedOrTemplateAsync(TurnPlan plan, CancellationToken ct)
    {
        IReadOnlyList<RetrievedExemplar> hits = [];
        var retriever = _engine.Retriever;
        if (plan.RagQuery is not null && retriever is not null)
        {
            try
            {
                hits = await retriever.RetrieveAsync(plan.RagQuery, _a.CorrectedInput, ct);
            }
            catch (Exception)
            {
                hits = []; // §15.3: a failure means "nothing retrieved".
            }
        }

        var entry = _engine.Templates.Get(plan.TemplateKey);
        string? draft = null;
        if (hits.Count > 0 && VerbatimExemplar(hits[0].Exemplar, entry) is { } verbatim)
        {
            draft = verbatim;
            AddLatest(_s.UsedExemplars, hits[0].Exemplar.Id, EngineState.UsedExemplarsCap);
        }

        draft ??= Render(plan.TemplateKey);
        if (plan.Class != IntentClass.Conversational || _engine.Llm is not { Available: true } llm)
        {
            return draft;
        }

        var exemplarTexts = hits.Take(ExemplarTextsForPrompt)
            .Select(h => FillSlots(h.Exemplar.TherapistText, neutral: true) ?? "")
            .Where(t => t.Length > 0)
            .ToList();
        var request = new PhrasingRequest(
            plan.Intent,
            entry.MustDo,
            draft,
            SlotValues(),
            RequiredWords(plan),
            exemplarTexts,
            LastExchanges(),
            _a.CorrectedInput,
            entry.Question,
            plan.Intent is Intents.VisionPresent or Intents.VisionRepresent or Intents.GoalSuggestDefault,
            LlmSeed);
        var reason = "exception";
        try
        {
            var outcome = await llm.RephraseAsync(request, ct);
            var value = outcome.Value?.Trim();
            if (outcome.Succeeded && !string.IsNullOrEmpty(value)
                && (!entry.Question || (value.EndsWith('?') && value.Count(c => c == '?') == 1)))
            {
                _replyPath = "reply: llm";
                return value;
            }

            reason = outcome.Succeeded ? "filtered:question_count" : outcome.FallbackReason ?? "unknown";
        }
        catch (OperationCanceledException)
        {
            reason = "timeout";
        }
        catch (Exception)
        {
            // Any LLM failure falls back to the deterministic draft (§1).
        }

        _replyPath = "reply fallback: " + reason;
        _analytics.Add("llm_fallback");
        return draft;
    }

    /// <summary>§15.4: a project exemplar tagged verbatim_ok, not used before in this session, all slots filled.</summary>
    private string? VerbatimExemplar(Exemplar exemplar, TemplateEntry entry)
    {
        if (!exemplar.VerbatimOk || !exemplar.FromProject || _s.UsedExemplars.Contains(exemplar.Id))
        {
            return null;
        }

        var text = exemplar.TherapistText;
        if (!exemplar.HasAck && !text.Contains("{ack}", StringComparison.Ordinal))
        {
            text = "{ack} " + text;
        }

        var filled = FillSlots(text, neutral: false);
        if (filled is null)
        {
            return null;
        }

        var trimmed = filled.TrimEnd();
        if (entry.Question && (!trimmed.EndsWith('?') || trimmed.Count(c => c == '?') != 1))
        {
            return null;
        }

        return filled;
    }

    /// <summary>Picks a variant (§10.2) among those whose slots fill, fills it and records the choice.</summary>
    private string Render(string key)
    {
        if (!_engine.Templates.TryGet(key, out var entry))
        {
            return "";
        }

        // A8: fallback variants (indices after the regular ones) only when no regular variant fills.
        var pool = entry.Variants;
        var offset = 0;
        var fillable = Fillable(pool, 0);
        if (fillable.Count == 0 && entry.Fallback.Count > 0)
        {
            pool = entry.Fallback;
            offset = entry.Variants.Count;
            fillable = Fillable(pool, offset);
        }

        if (fillable.Count == 0)
        {
            return key == Intents.GeneralInquiry ? "" : Render(Intents.GeneralInquiry);
        }

        if (!_s.VariantMemory.TryGetValue(key, out var memory))
        {
            memory = new VariantUse();
            _s.VariantMemory[key] = memory;
        }

        var pick = ReplyTemplates.VariantIndex(_s.Seed, key, memory.Count, fillable.Count);
        if (fillable.Count > 1 && fillable[pick].Index == memory.Last)
        {
            pick = (pick + 1) % fillable.Count;
        }

        memory.Count++;
        memory.Last = fillable[pick].Index;
        // Filled again after recording: helper slots such as {ack} render nested templates deterministically.
        return FillSlots(pool[fillable[pick].Index - offset], neutral: false) ?? fillable[pick].Text;
    }

    private List<(int Index, string Text)> Fillable(IReadOnlyList<string> variants, int offset)
    {
        var fillable = new List<(int Index, string Text)>();
        for (var i = 0; i < variants.Count; i++)
        {
            if (FillSlots(variants[i], neutral: false) is { } filled)
            {
                fillable.Add((i + offset, filled));
            }
        }

        return fillable;
    }

    /// <summary>Fills every slot; null when one cannot be filled (the variant is then skipped). With
    /// <paramref name="neutral"/> unfillable slots become neutral words (exemplars shown to the LLM).</summary>
    private string? FillSlots(string text, bool neutral)
    {
        var sb = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('{', i);
            if (open < 0)
            {
                sb.Append(text, i, text.Length - i);
                break;
            }

            var close = text.IndexOf('}', open);
            if (close < 0)
            {
                return null;
            }

            sb.Append(text, i, open - i);
            var value = SlotValue(text[(open + 1)..close]);
            if (value is null)
            {
                if (!neutral)
                {
                    return null;
                }

                value = "it";
            }

            sb.Append(value);
            i = close + 1;
        }

        return Tidy(sb.ToString());
    }

    private static string Tidy(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (ch == ' ' && (sb.Length == 0 || sb[^1] == ' '))
            {
                continue;
            }

            sb.Append(ch);
        }

        var result = sb.ToString().Trim().Replace(" .", ".", StringComparison.Ordinal)
            .Replace(" ?", "?", StringComparison.Ordinal).Replace(" ,", ",", StringComparison.Ordinal);
        return result.Length > 0 && char.IsLower(result[0]) ? char.ToUpperInvariant(result[0]) + result[1..] : result;
    }

    private static string JoinSentences(string first, string second) =>
        string.IsNullOrWhiteSpace(second) ? first : Tidy(first + " " + second);

    private Dictionary<string, string> SlotValues()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var slot in new[] { "emotion", "location", "sensation", "desired_state", "problem" })
        {
            if (SlotValue(slot) is { } v)
            {
                values[slot] = v;
            }
        }

        return values;
    }

    private List<string> RequiredWords(TurnPlan plan)
    {
        var words = new List<string>();
        // The words as the slots render them (A6), so the draft itself always passes the check.
        if (plan.Intent == Intents.AskLocation && SlotValue("emotion") is { } emotion)
        {
            words.Add(emotion);
        }

        if (plan.Intent is Intents.VisionPresent or Intents.VisionRepresent && SlotValue("desired_state") is { } state)
        {
            words.Add(state);
        }

        return words;
    }

    private List<PromptExchange> LastExchanges() => _s.RecentExchanges.TakeLast(PromptExchanges)
        .Select(e => new PromptExchange(e.ClientInput, e.TherapistResponse)).ToList();

    /// <summary>§14.1: the session seed folded to int32 (XOR of its halves).</summary>
    private int LlmSeed => unchecked((int)((uint)_s.Seed ^ (uint)(_s.Seed >> 32)));
}
