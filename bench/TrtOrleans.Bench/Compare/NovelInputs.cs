namespace TrtOrleans.Bench.Compare;

/// <summary>Scripted stage-1 conversations whose every line is new text: each step of the script (problem, goal,
/// vision, education, problem detail, body, present now, trigger, nothing else, ready, alpha feelings) is built from
/// several independently chosen fragments, so the retrieval cache helps no more than it would with real people.
/// Every line is 40–200 characters and never repeats within a run (checked).</summary>
internal sealed class NovelInputs(int seed)
{
    private readonly Random _random = new(seed);
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    private static readonly string[] Topics =
    [
        "work", "money", "my landlord", "my sister", "the move", "my exams", "my boss", "the divorce", "my health",
        "the new job", "my son's school", "my neighbours", "the rent", "the court case", "my father's illness",
        "the deadlines", "my partner", "the team reorganisation", "our debts", "the wedding plans", "my back pain",
    ];

    private static readonly string[] Durations =
    [
        "for weeks", "since the spring", "for a couple of months", "since last Tuesday", "all year", "lately",
        "since my birthday", "for ages now", "since the holidays", "most of this month", "since I moved house",
    ];

    private static readonly string[] Feelings = ["anxious", "on edge", "tense", "wound up", "restless", "stressed", "jittery", "uneasy", "overwhelmed"];
    private static readonly string[] Wants = ["calm", "settled", "relaxed", "at ease", "peaceful", "steady", "light", "confident", "safe"];
    private static readonly string[] BodyParts = ["chest", "stomach", "throat", "shoulders", "jaw", "belly", "neck", "forehead", "upper back", "hands"];
    private static readonly string[] Sensations = ["a tight band", "a heavy weight", "a knot", "pressure", "a buzzing", "a hollow ache", "a clenching", "heat", "a dull pull"];
    private static readonly string[] Moments =
    [
        "every time I open my banking app", "when my phone buzzes late at night", "as soon as I sit at my desk",
        "when I hear the front door", "whenever an email from {0} arrives", "when I lie down to sleep",
        "each morning before the bus", "when someone mentions {0}", "right before the weekly meeting",
    ];

    private static readonly string[] Openers = ["Hi.", "Hello,", "Hey there.", "Good evening.", "Hi, thanks for this.", "Okay, so", "Well,", "Honestly,"];
    private static readonly string[] Yes = ["Yes", "Yeah", "Yes, definitely", "That's right", "Exactly", "Mm, yes", "I think so, yes", "Sure"];
    private static readonly string[] No = ["No", "Nope", "Not really", "No, I don't think so", "Nothing else", "No, not that I can think of"];
    private static readonly string[] Better = ["a little calmer", "somewhat lighter", "calmer than before", "much more relaxed", "quieter inside", "easier", "looser", "a bit more settled"];
    private static readonly string[] Tails =
    [
        "", " to be honest.", ", if that makes sense.", ", I guess.", " right now.", " at the moment.", ", really.",
        " more or less.", ", I think.", " today especially.", ", more than I expected.", " when I think about it.",
    ];

    /// <summary>The script: one template per step; {t} topic, {d} duration, {f} feeling, {w} want, {b} body part,
    /// {s} sensation, {m} moment, {o} opener, {y} yes, {n} no, {g} better, {e} tail.</summary>
    private static readonly string[][] Script =
    [
        ["{o} I've been feeling {f} about {t} {d}{e}", "{o} {t} has been getting to me {d} and I feel {f}{e}", "{o} I keep feeling {f}, mostly because of {t}, {d}{e}"],
        ["I'd like to feel {w} again, like I used to before {t}{e}", "Mostly I just want to feel {w} and not so {f}{e}", "To be {w}. That's what I want{e}"],
        ["{y}, that picture of being {w} is exactly what I want{e}", "{y}, I can imagine feeling {w} like that{e}", "{y}. Feeling {w} would change a lot for me{e}"],
        ["{y}, that explanation makes sense to me{e}", "{y}, I follow what you're saying about it{e}", "{y}, okay, that sounds reasonable{e}"],
        ["It's {t}. It keeps going round in my head {d}{e}", "Mainly {t}, and how it piles up {d}{e}", "The problem is {t}; it has been bad {d}{e}"],
        ["I feel {s} in my {b}{e}", "There's {s} in my {b} when it starts{e}", "Mostly in my {b}, like {s}{e}"],
        ["{y}, I can feel it in my {b} right now{e}", "{y}, it's there now, {s} in my {b}{e}", "{y}, even talking about it, it's there{e}"],
        ["I notice it {m}{e}", "It gets worse {m}{e}", "Usually it shows up {m}{e}"],
        ["{n}, that covers it{e}", "{n}, I think that's everything about {t}{e}", "{n}, that's the main thing{e}"],
        ["{y}, let's try it{e}", "{y}, I'm ready to give it a go{e}", "{y}, okay, I'm willing to try that{e}"],
        ["I feel {g} now{e}", "It's {g}, the {b} feels different{e}", "{g}, I think{e}"],
        ["Now I feel {g} than a minute ago{e}", "The {s} is fading, I feel {g}{e}", "Feeling {g} in my {b}{e}"],
        ["Much {w} now, thank you{e}", "I feel {w} and {g}{e}", "{y}, I'm {g} now{e}"],
        ["Thank you, I feel {w} about {t} now{e}", "That helped, I feel {g}{e}", "{y}, I feel {w}, lighter overall{e}"],
    ];

    /// <summary>Number of scripted turns of one stage-1 conversation.</summary>
    public static int Length => Script.Length;

    /// <summary>Line <paramref name="step"/> of a conversation, new text every call (a session keeps its topic).</summary>
    public string Line(int step, int topic)
    {
        for (var attempt = 0; ; attempt++)
        {
            var templates = Script[step % Script.Length];
            var text = Fill(templates[_random.Next(templates.Length)], topic);
            while (text.Length < 40)
            {
                text = text.TrimEnd('.') + Pick(Tails) + " " + Fill("It has been {d}.", topic);
            }

            if (text.Length <= 200 && _seen.Add(text))
            {
                return text;
            }

            if (attempt > 50)
            {
                // Combinations exhausted for this step (very long runs): a numbered aside keeps the text new.
                text = $"{text[..Math.Min(text.Length, 150)]} (day {_seen.Count})";
                _seen.Add(text);
                return text;
            }
        }
    }

    private string Fill(string template, int topic)
    {
        var t = Topics[topic % Topics.Length];
        return template
            .Replace("{o}", Pick(Openers)).Replace("{t}", t).Replace("{d}", Pick(Durations)).Replace("{f}", Pick(Feelings))
            .Replace("{w}", Pick(Wants)).Replace("{b}", Pick(BodyParts)).Replace("{s}", Pick(Sensations))
            .Replace("{m}", string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(Moments), t))
            .Replace("{y}", Pick(Yes)).Replace("{n}", Pick(No)).Replace("{g}", Pick(Better)).Replace("{e}", Pick(Tails) is { Length: > 0 } e ? e : ".");
    }

    private string Pick(string[] options) => options[_random.Next(options.Length)];
}
