using TrtOrleans.Therapy.Text;

namespace TrtOrleans.Engine.Tests.Lint;

/// <summary>One set of client words for every slot, already normalised the way the engine normalises them (A6).</summary>
internal sealed record LintSlots(
    string Emotion, string Location, string Sensation, string DesiredState, string Problem, string StateWord,
    string Ack, string Prey, string Predator, string StepInstruction, string HoldLine)
{
    public const string ResourceLine = "If you are in danger now, call 911, or call or text 988 to reach someone right away.";

    // Short and long words, multi-word phrases, words that already end in "feeling"/"sensation", first-person phrases.
    private static readonly string[] Emotions =
        ["sad", "anxious", "anxiety", "stress", "on edge", "overwhelming", "falling apart", "worn out", "panic", "unsure of myself", "low", "frustrated and angry"];
    private static readonly string[] Locations =
        ["chest", "shoulders", "top of my head", "back of my neck", "lower back", "all over", "my body", "pit of my stomach", "head", "hands", "in my throat", "solar plexus"];
    private static readonly string[] Sensations =
        ["tight", "tightness", "shaky", "shaky feeling", "burning sensation", "light headed", "butterflies", "knots", "pins and needles", "races", "short of breath", "fading", "weighed down", "heavy"];
    private static readonly string[] States =
        ["calm", "peace", "at peace", "myself again", "like myself again", "calmer and more relaxed", "less anxious", "my confidence back", "lighter and more at ease", "in control", "safe and secure", "more energy", "calm down", "relief", "peace and energy"];
    private static readonly string[][] Problems =
        [["work"], ["boss"], ["work", "boss"], ["money", "rent"], ["mum"], ["deadlines"], ["banking app"], ["the news"], ["relationship", "partner"], ["sleep"], ["kids", "husband"]];
    private static readonly string[] StateWords = ["calmer", "relieved", "at ease", "anxious", "stress", "better"];

    /// <summary>Every value of every list appears at least once; lists are cycled together.</summary>
    public static IEnumerable<LintSlots> All(IReadOnlyList<string> acks, IReadOnlyList<(string Prey, string Predator)> animals,
        IReadOnlyList<string> steps)
    {
        var n = new[] { Emotions.Length, Locations.Length, Sensations.Length, States.Length, Problems.Length, StateWords.Length, acks.Count, animals.Count, steps.Count }.Max();
        for (var i = 0; i < n; i++)
        {
            var animal = animals[i % animals.Count];
            yield return new LintSlots(
                SlotPhrases.Emotion(Emotions[i % Emotions.Length]),
                SlotPhrases.Location(Locations[i % Locations.Length]),
                SlotPhrases.Sensation(Sensations[i % Sensations.Length]),
                SlotPhrases.DesiredState(States[i % States.Length]),
                SlotPhrases.Problem(Problems[i % Problems.Length]),
                SlotPhrases.Emotion(StateWords[i % StateWords.Length]),
                acks[i % acks.Count],
                animal.Prey,
                animal.Predator,
                steps[i % steps.Count],
                i % 2 == 0 ? "" : "We can carry on with the rest once you tell me you are safe.");
        }
    }

    public string? Value(string slot) => slot switch
    {
        "emotion" or "ack_word" => Emotion,
        "location" => Location,
        "sensation" => Sensation,
        "desired_state" => DesiredState,
        "problem" => Problem,
        "state_word" => StateWord,
        "ack" => Ack,
        "prey" => Prey,
        "predator" => Predator,
        "step_instruction" => StepInstruction,
        "hold_line" => HoldLine,
        "resource_line" => ResourceLine,
        _ => null,
    };
}
