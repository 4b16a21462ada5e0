namespace TrtOrleans.Grains.Tests;

/// <summary>Client lines that never repeat, as with real people: the straight path first, then 40-200 characters
/// (about 120 on average) of common words in a seeded random order, so neither compression nor the dictionary meet
/// a phrase they have seen before.</summary>
internal static class NovelInputs
{
    private static readonly string[] Words =
    [
        "I", "my", "me", "we", "they", "she", "he", "it", "you", "and", "but", "so", "because", "when", "then", "still",
        "feel", "felt", "think", "thought", "keep", "kept", "went", "came", "said", "told", "asked", "wanted", "tried",
        "work", "home", "sister", "brother", "mother", "father", "friend", "partner", "manager", "neighbour", "doctor",
        "rent", "money", "job", "school", "train", "car", "kitchen", "phone", "message", "email", "weekend", "morning",
        "night", "evening", "yesterday", "today", "tomorrow", "week", "month", "year", "again", "always", "never",
        "tired", "angry", "worried", "nervous", "sad", "lonely", "restless", "heavy", "tight", "shaky", "numb", "calm",
        "chest", "stomach", "shoulders", "throat", "hands", "head", "jaw", "back", "legs", "breathing", "heart",
        "about", "after", "before", "during", "around", "without", "with", "into", "over", "under", "through",
        "really", "quite", "very", "a", "bit", "little", "lot", "more", "less", "much", "enough", "too", "almost",
        "argument", "meeting", "deadline", "bills", "letter", "appointment", "party", "wedding", "funeral", "holiday",
        "sleep", "dinner", "walk", "drive", "call", "visit", "noise", "silence", "crowd", "traffic", "rain", "garden",
        "the", "a", "an", "that", "this", "there", "here", "what", "how", "why", "not", "no", "yes", "maybe", "just",
        "like", "know", "remember", "forget", "notice", "worry", "cope", "manage", "stop", "start", "leave", "stay",
    ];

    public static string Line(int i)
    {
        if (i < ConversationScripts.StraightPath.Length)
        {
            return ConversationScripts.StraightPath[i];
        }

        var random = new Random(7919 * i + 17);
        var target = random.Next(40, 201);
        var text = new System.Text.StringBuilder(Words[random.Next(Words.Length)]);
        while (text.Length < target - 1)
        {
            text.Append(' ').Append(Words[random.Next(Words.Length)]);
        }

        return text.Append('.').ToString();
    }
}
