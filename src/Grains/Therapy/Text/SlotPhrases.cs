namespace TrtOrleans.Therapy.Text;

/// <summary>Amendment A6: the client's words, normalised for the slot they fill so the reply reads as English.
/// Each slot has one grammatical shape the templates rely on:
/// <list type="bullet">
/// <item><c>{location}</c> — a noun phrase with its determiner, used after "in": "your chest", "the back of your neck".</item>
/// <item><c>{sensation}</c> — a noun phrase without determiner, used after "that"/"the": "tightness", "shaky feeling".</item>
/// <item><c>{emotion}</c> — a complement of "feel": "anxious", "on edge".</item>
/// <item><c>{desired_state}</c> — a complement of "feel", in the second person: "at peace", "like yourself again".</item>
/// <item><c>{problem}</c> — a noun phrase with its determiner, used after "about": "work", "your boss".</item>
/// </list>
/// Pure functions over lower-case corrected words; the wording data lives here because it is grammar, not
/// vocabulary the detectors match.</summary>
public static class SlotPhrases
{
    // Sensation words that are nouns already ("that tightness"); every other word is an adjective or participle
    // and takes "feeling" ("that shaky feeling").
    private static readonly HashSet<string> SensationNouns = new(StringComparer.Ordinal)
    {
        "tightness", "heaviness", "pressure", "knot", "ache", "lump", "weight", "tension", "pain", "heat", "nausea",
        "numbness", "stiffness", "soreness", "weakness", "band", "tingling", "throbbing", "aching", "burning", "buzzing",
        "fluttering", "pounding", "squeezing", "churning", "clenching", "shaking", "trembling", "twitching", "cramping",
        "prickling", "tightening", "sweating", "pins and needles", "butterflies", "shortness of breath",
    };

    private static readonly Dictionary<string, string> SensationForms = new(StringComparer.Ordinal)
    {
        ["knots"] = "knot", ["aches"] = "ache", ["races"] = "racing", ["pounds"] = "pounding", ["throbs"] = "throbbing",
        ["burns"] = "burning", ["tingles"] = "tingling", ["shakes"] = "shaking", ["trembles"] = "trembling",
        ["tightens"] = "tightening", ["clenches"] = "clenching", ["short of breath"] = "shortness of breath",
        ["sweaty palms"] = "sweatiness in your palms",
    };

    private static readonly Dictionary<string, string> EmotionForms = new(StringComparer.Ordinal)
    {
        ["anxiety"] = "anxious", ["stress"] = "stressed", ["stressful"] = "stressed", ["anger"] = "angry", ["sadness"] = "sad",
        ["worry"] = "worried", ["worrying"] = "worried", ["frustration"] = "frustrated", ["shame"] = "ashamed", ["guilt"] = "guilty",
        ["resentment"] = "resentful", ["overwhelm"] = "overwhelmed", ["overwhelming"] = "overwhelmed", ["hurting"] = "hurt",
        ["panicking"] = "panicky", ["panicked out"] = "panicky", ["panic"] = "panicky", ["grieving"] = "full of grief",
        ["falling apart"] = "like you are falling apart", ["on the edge"] = "on edge", ["fear"] = "afraid", ["dread"] = "full of dread",
        ["despair"] = "despairing",
    };

    private static readonly Dictionary<string, string> StateForms = new(StringComparer.Ordinal)
    {
        ["peace"] = "at peace", ["peace of mind"] = "at peace", ["harmony"] = "at peace", ["quiet"] = "quieter", ["some quiet"] = "quieter",
        ["rest"] = "rested", ["relief"] = "relieved", ["some relief"] = "relieved", ["ease"] = "at ease", ["energy"] = "energised",
        ["more energy"] = "more energised", ["joy"] = "joyful", ["more joy"] = "more joyful", ["happiness"] = "happy", ["safety"] = "safe",
        ["security"] = "secure", ["stability"] = "stable", ["confidence"] = "confident", ["self confidence"] = "self confident",
        ["strength"] = "strong", ["freedom"] = "free", ["lightness"] = "lighter", ["calmness"] = "calm", ["serenity"] = "serene",
        ["tranquility"] = "tranquil", ["relax"] = "relaxed", ["calm down"] = "calmer", ["my confidence back"] = "confident again",
        ["my life back"] = "like you have your life back", ["myself again"] = "like yourself again", ["me again"] = "like yourself again",
        ["my old self"] = "like your old self", ["my old self again"] = "like your old self again",
    };

    // Problem topics read without a determiner ("when you think about work"); people and personal things take
    // "your" ("your boss"); the rest takes "the" ("the deadlines").
    private static readonly HashSet<string> BareTopics = new(StringComparer.Ordinal)
    {
        "work", "school", "money", "overtime", "divorce", "illness", "arguing", "fighting", "grief", "loss", "bereavement",
        "insomnia", "traffic", "studying", "university", "college", "homework", "debt", "debts", "conflict", "business",
        "the news", "sleep", "health", "finances", "bills", "rent", "deadlines", "arguments", "fights", "relationships",
    };

    private static readonly HashSet<string> TheTopics = new(StringComparer.Ordinal)
    {
        "deadline", "argument", "banking app", "breakup", "commute", "neighbours", "neighbors", "landlord", "workload", "mortgage",
    };

    /// <summary>"chest" → "your chest"; "top of my head" → "the top of your head"; "all over" → "your whole body".</summary>
    public static string Location(string location)
    {
        var l = Squash(location);
        if (l is "all over" or "everywhere" or "whole body" or "my body" or "in my body" or "body" or "my whole body")
        {
            return "your whole body";
        }

        l = StripLeading(l, "in my ", "in the ", "my ", "the ", "your ");
        l = SecondPerson(l);
        return l.Contains(" of your ", StringComparison.Ordinal) ? "the " + l : "your " + l;
    }

    /// <summary>"tightness" → "tightness"; "shaky" → "shaky feeling"; "tight feeling" stays; "throbs" → "throbbing".</summary>
    public static string Sensation(string sensation)
    {
        var s = StripLeading(Squash(sensation), "a ", "an ", "the ", "that ", "my ");
        if (s.EndsWith(" feeling", StringComparison.Ordinal) || s.EndsWith(" sensation", StringComparison.Ordinal)
            || s is "feeling" or "sensation")
        {
            return s;
        }

        if (SensationForms.TryGetValue(s, out var form))
        {
            s = form;
        }

        return SensationNouns.Contains(s) ? s : s + " feeling";
    }

    /// <summary>"anxiety" → "anxious"; "on edge" stays; first person becomes second person.</summary>
    public static string Emotion(string emotion)
    {
        var e = StripLeading(Squash(emotion), "feeling ", "so ", "very ");
        return EmotionForms.TryGetValue(e, out var form) ? form : SecondPerson(e);
    }

    /// <summary>"peace" → "at peace"; "myself again" → "like yourself again"; "calm and peaceful" stays.</summary>
    public static string DesiredState(string phrase)
    {
        var p = StripLeading(Squash(phrase), "to feel ", "to be ", "feel ", "feeling ", "be ", "being ");
        if (StateForms.TryGetValue(p, out var form))
        {
            return form;
        }

        // Each part of "peace and energy" is normalised on its own.
        var parts = p.Split(" and ", StringSplitOptions.None);
        if (parts.Length > 1)
        {
            return string.Join(" and ", parts.Select(x => StateForms.TryGetValue(x, out var f) ? f : SecondPerson(x)));
        }

        return SecondPerson(p);
    }

    /// <summary>Up to two topics joined by "and", each with its determiner: "work and your boss".</summary>
    public static string Problem(IEnumerable<string> topics) =>
        string.Join(" and ", topics.Select(Squash).Distinct(StringComparer.Ordinal).Select(Topic));

    private static string Topic(string t)
    {
        if (BareTopics.Contains(t))
        {
            return t;
        }

        if (TheTopics.Contains(t))
        {
            return "the " + t;
        }

        return "your " + StripLeading(t, "my ", "the ");
    }

    /// <summary>Swaps first-person words for second-person ones so the therapist never says "my".</summary>
    public static string SecondPerson(string phrase)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = words[i] switch
            {
                "i" => "you",
                "me" => "you",
                "my" => "your",
                "mine" => "yours",
                "myself" => "yourself",
                "am" => "are",
                _ => words[i],
            };
        }

        return string.Join(' ', words);
    }

    private static string Squash(string text) =>
        string.Join(' ', text.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string StripLeading(string text, params string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal) && text.Length > prefix.Length)
            {
                return text[prefix.Length..];
            }
        }

        return text;
    }
}
