using TrtOrleans.Therapy.Contracts;
using TrtOrleans.Therapy.Text;

namespace TrtOrleans.Therapy.Engine;

/// <summary>Slot values of one turn's reply: the client's own words, rendered so they read naturally inside a
/// template (docs/engine.md "Reply composition"). Each slot is computed once per turn.</summary>
internal sealed class SlotValues
{
    private static readonly string[] ContentSlots = ["emotion", "location", "sensation", "desired_state", "problem"];

    private readonly TurnScope t;
    private readonly TurnOutline outline;
    private readonly ReplyRenderer renderer;

    // Per-turn memo: a slot (and the nested template it renders) is computed once, so variant memory moves once.
    private readonly Dictionary<string, string?> _cache = new(StringComparer.Ordinal);

    public SlotValues(TurnScope scope, TurnOutline turnOutline, ReplyRenderer owner)
    {
        t = scope;
        outline = turnOutline;
        renderer = owner;
    }

    public string? Get(string slot)
    {
        if (_cache.TryGetValue(slot, out var cached))
        {
            return cached;
        }

        var s = t.S;
        var value = slot switch
        {
            "ack" => Ack(),
            // Client words are normalised for their slot (SlotPhrases documents each slot's shape).
            "ack_word" => null, // set by {ack} before its template asks for it
            "emotion" => Emotion() is { } emotion ? SlotPhrases.Emotion(emotion) : null,
            "location" => s.BodyLocations.Count > 0 ? SlotPhrases.Location(s.BodyLocations[^1]) : null,
            "sensation" => s.Sensations.Count > 0 ? SlotPhrases.Sensation(s.Sensations[^1]) : null,
            "desired_state" => s.DesiredStatePhrase is { } state ? SlotPhrases.DesiredState(state) : null,
            "problem" => s.ProblemTopics.Count > 0 ? SlotPhrases.Problem(s.ProblemTopics.TakeLast(2)) : null,
            "state_word" => (t.A.Emotion.PositiveWords.FirstOrDefault() ?? t.A.Emotion.NegativeWords.LastOrDefault()) is { } word
                ? SlotPhrases.Emotion(word) : null,
            "resource_line" => t.Engine.Options.ReplyResourceLine,
            "hold_line" => outline.HoldNote ? renderer.Render(Intents.SafetyHoldNote) : "",
            "step_instruction" => renderer.Render(Intents.AlphaInstruction(
                s.AlphaStep is AlphaStep.None or AlphaStep.Done ? AlphaStep.Jaw : s.AlphaStep)),
            "prey" => AnimalPair().Prey,
            "predator" => AnimalPair().Predator,
            _ => null,
        };
        _cache[slot] = value;
        return value;
    }

    /// <summary>The content slots that fill, for the LLM phrasing request.</summary>
    public Dictionary<string, string> Content()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var slot in ContentSlots)
        {
            if (Get(slot) is { } v)
            {
                values[slot] = v;
            }
        }

        return values;
    }

    /// <summary>The cycle focus when it is an emotion word, else the latest emotion.</summary>
    public string? Emotion()
    {
        var focus = t.S.Cycle?.Focus;
        return focus is not null && t.S.Emotions.Contains(focus) ? focus : t.C.EmotionContent;
    }

    private (string Prey, string Predator) AnimalPair()
    {
        var pairs = t.Engine.Templates.AnimalPairs;
        return pairs[ReplyTemplates.VariantIndex(t.S.Seed, "animal_pair", 0, pairs.Count)];
    }

    /// <summary>{ack}: a new negative emotion (as something that has been going on), else a positive state, else a
    /// short acknowledgement for a substantive answer, else nothing.</summary>
    private string Ack()
    {
        if (outline.GateTurn)
        {
            // A re-entry question after "I am safe" follows the safety reply directly; no second acknowledgement.
            return "";
        }

        var a = t.A;
        if (t.F.NewEmotions.Count > 0)
        {
            _cache["ack_word"] = SlotPhrases.Emotion(t.F.NewEmotions[^1]);
            return renderer.Render(Intents.AckNegative);
        }

        if (a.Emotion.PositiveWords.Count > 0 && !a.Goal.Recognised)
        {
            _cache["ack_word"] = SlotPhrases.Emotion(a.Emotion.PositiveWords[0]);
            return renderer.Render(Intents.AckPositive);
        }

        return a.WordTokens.Count >= 4 && !a.Answers.IdkAnswer && !a.Answers.Confusion
            ? renderer.Render(Intents.AckNeutral)
            : "";
    }
}
