using TrtOrleans.Therapy.Contracts;
using TrtOrleans.Therapy.Text;

namespace TrtOrleans.Therapy.Engine;

// §10.2 slot values: the client's own words, rendered so they read naturally inside a template.
internal sealed partial class TurnProcessor
{
    private readonly Dictionary<string, string?> _slotCache = new(StringComparer.Ordinal);

    private string? SlotValue(string slot)
    {
        // {ack} and the nested templates render once per turn so variant memory moves once.
        if (_slotCache.TryGetValue(slot, out var cached))
        {
            return cached;
        }

        var value = slot switch
        {
            "ack" => Ack(),
            // A6: client words are normalised for their slot (SlotPhrases documents each slot's shape).
            "ack_word" => _ackWord is null ? null : SlotPhrases.Emotion(_ackWord),
            "emotion" => EmotionSlot() is { } emotion ? SlotPhrases.Emotion(emotion) : null,
            "location" => _s.BodyLocations.Count > 0 ? SlotPhrases.Location(_s.BodyLocations[^1]) : null,
            "sensation" => _s.Sensations.Count > 0 ? SlotPhrases.Sensation(_s.Sensations[^1]) : null,
            "desired_state" => _s.DesiredStatePhrase is { } state ? SlotPhrases.DesiredState(state) : null,
            "problem" => _s.ProblemTopics.Count > 0 ? SlotPhrases.Problem(_s.ProblemTopics.TakeLast(2)) : null,
            "state_word" => (_a.Emotion.PositiveWords.FirstOrDefault() ?? _a.Emotion.NegativeWords.LastOrDefault()) is { } word
                ? SlotPhrases.Emotion(word) : null,
            "resource_line" => _engine.Options.ReplyResourceLine,
            "hold_line" => _holdNote ? Render(Intents.SafetyHoldNote) : "",
            "step_instruction" => Render(Intents.AlphaInstruction(
                _s.AlphaStep is AlphaStep.None or AlphaStep.Done ? AlphaStep.Jaw : _s.AlphaStep)),
            "prey" => AnimalPair().Prey,
            "predator" => AnimalPair().Predator,
            _ => null,
        };
        _slotCache[slot] = value;
        return value;
    }

    private (string Prey, string Predator) AnimalPair()
    {
        var pairs = _engine.Templates.AnimalPairs;
        return pairs[ReplyTemplates.VariantIndex(_s.Seed, "animal_pair", 0, pairs.Count)];
    }

    /// <summary>The cycle focus when it is an emotion word, else the latest emotion (§10.2).</summary>
    private string? EmotionSlot()
    {
        var focus = _s.Cycle?.Focus;
        if (focus is not null && _s.Emotions.Contains(focus))
        {
            return focus;
        }

        return C.EmotionContent;
    }

    /// <summary>§10.2 {ack}: new negative emotion (as something that has been going on), else a positive state,
    /// else a short acknowledgement for a substantive answer, else nothing.</summary>
    private string Ack()
    {
        if (_ackBuilt)
        {
            return _ack ?? "";
        }

        _ackBuilt = true;
        if (_gateTurn)
        {
            // A re-entry question after "I am safe" follows the safety reply directly; no second acknowledgement.
            return "";
        }

        if (_newEmotions.Count > 0)
        {
            _ackWord = _newEmotions[^1];
            _ack = Render(Intents.AckNegative);
        }
        else if (_a.Emotion.PositiveWords.Count > 0 && !_a.Goal.Recognised)
        {
            _ackWord = _a.Emotion.PositiveWords[0];
            _ack = Render(Intents.AckPositive);
        }
        else if (_a.WordTokens.Count >= 4 && !_a.Answers.IdkAnswer && !_a.Answers.Confusion)
        {
            _ack = Render(Intents.AckNeutral);
        }

        return _ack ?? "";
    }

    private string? _ackWord;
}
