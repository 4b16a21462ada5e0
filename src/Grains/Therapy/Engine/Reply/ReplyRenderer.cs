using System.Text;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>Template rendering for one turn (docs/engine.md "Reply composition"): deterministic variant choice among
/// the variants whose slots fill, slot filling and tidying. One instance per turn; its slot values are computed once
/// so that nested templates move their variant memory once.</summary>
internal sealed class ReplyRenderer
{
    private readonly TurnScope _t;
    private readonly SlotValues _slots;

    public ReplyRenderer(TurnScope t, TurnOutline outline)
    {
        _t = t;
        _slots = new SlotValues(t, outline, this);
    }

    public SlotValues Slots => _slots;

    /// <summary>Picks a variant among those whose slots fill, fills it and records the choice.</summary>
    public string Render(string key)
    {
        if (!_t.Engine.Templates.TryGet(key, out var entry))
        {
            return "";
        }

        // Fallback variants (indices after the regular ones) only when no regular variant fills: every variant
        // carries its row's content (docs/engine.md "Reply composition").
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

        var memory = _t.S.VariantMemory;
        if (!memory.TryGetValue(key, out var use))
        {
            use = new VariantUse();
            memory[key] = use;
        }

        var pick = ReplyTemplates.VariantIndex(_t.S.Seed, key, use.Count, fillable.Count);
        if (fillable.Count > 1 && fillable[pick].Index == use.Last)
        {
            pick = (pick + 1) % fillable.Count;
        }

        use.Count++;
        use.Last = fillable[pick].Index;
        // Filled again after recording: helper slots such as {ack} render nested templates deterministically.
        return Fill(pool[fillable[pick].Index - offset], neutral: false) ?? fillable[pick].Text;
    }

    private List<(int Index, string Text)> Fillable(IReadOnlyList<string> variants, int offset)
    {
        var fillable = new List<(int Index, string Text)>();
        for (var i = 0; i < variants.Count; i++)
        {
            if (Fill(variants[i], neutral: false) is { } filled)
            {
                fillable.Add((i + offset, filled));
            }
        }

        return fillable;
    }

    /// <summary>Fills every slot; null when one cannot be filled (the variant is then skipped). With
    /// <paramref name="neutral"/> unfillable slots become neutral words (exemplars shown to the LLM).</summary>
    public string? Fill(string text, bool neutral)
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
            var value = _slots.Get(text[(open + 1)..close]);
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

    public static string JoinSentences(string first, string second) =>
        string.IsNullOrWhiteSpace(second) ? first : Tidy(first + " " + second);

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
}
