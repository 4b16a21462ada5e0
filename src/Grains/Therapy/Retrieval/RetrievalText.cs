using System.Text;
using System.Text.RegularExpressions;

namespace TrtOrleans.Therapy.Retrieval;

/// <summary>Light tokenisation for BM25. Inputs are usually the engine's corrected_input (already lower-cased and
/// with contractions expanded); corpus texts are raw, so the same light normalisation is applied to both sides.</summary>
internal static partial class RetrievalText
{
    // Function words and conversational filler carry no topic; keeping them would let "i", "it" or "really"
    // count as the one shared term that BM25 needs. "now" is deliberately NOT here: "right now" is what separates
    // present-moment answers from the rest.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
        "because", "been", "before", "being", "both", "but", "by", "can", "could", "did", "do", "does", "doing",
        "done", "down", "during", "each", "even", "few", "for", "from", "further", "get", "gets", "getting", "got",
        "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i",
        "if", "in", "into", "is", "it", "its", "itself", "just", "kind", "know", "let", "like", "lot", "lots", "me",
        "might", "more", "most", "much", "must", "my", "myself", "no", "nor", "not", "of", "off", "on",
        "once", "one", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "pretty", "quite",
        "rather", "really", "same", "she", "should", "so", "some", "something", "sort", "such", "than", "that",
        "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "thing", "things",
        "this", "those", "through", "to", "too", "under", "until", "up", "us", "very", "was", "we", "were", "what",
        "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "yeah", "yes", "yet",
        "you", "your", "yours", "yourself", "um", "uh", "oh", "okay", "ok", "well", "maybe", "bit", "little",
        "actually", "honestly", "totally", "basically", "guess", "mean", "think", "say", "said", "stuff", "s", "t",
        "d", "ll", "m", "re", "ve", "going", "way", "make", "makes", "made", "thats", "im", "dont",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordLookup =
        StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    [GeneratedRegex(@"\{[a-z_]+\}")]
    private static partial Regex SlotPattern();

    /// <summary>Therapist text with its slot placeholders removed (used when a record has no client text).</summary>
    public static string WithoutSlots(string text) => SlotPattern().Replace(text, " ").Trim();

    /// <summary>Content terms: lower-cased word tokens without stop words, lightly stemmed.</summary>
    public static List<string> ContentTerms(string text)
    {
        var terms = new List<string>();
        var lowered = Lowered(text);
        var word = new StringBuilder();
        foreach (var c in lowered.Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
                continue;
            }

            if (word.Length > 0)
            {
                var token = word.ToString();
                word.Clear();
                if (!StopWords.Contains(token))
                {
                    terms.Add(Stem(token));
                }
            }
        }

        return terms;
    }

    /// <summary>True for a function or filler word (lower case).</summary>
    public static bool IsStopWord(ReadOnlySpan<char> word) => StopWordLookup.Contains(word);

    /// <summary>Lower case, typographic apostrophes straightened, contractions expanded.</summary>
    public static string Lowered(string text) =>
        Expand(text.ToLowerInvariant().Replace('\u2019', '\'').Replace('\u2018', '\''));

    private static string Expand(string text) => text
        .Replace("n't", " not", StringComparison.Ordinal)
        .Replace("'m", " am", StringComparison.Ordinal)
        .Replace("'re", " are", StringComparison.Ordinal)
        .Replace("'ve", " have", StringComparison.Ordinal)
        .Replace("'ll", " will", StringComparison.Ordinal)
        .Replace("'s", " ", StringComparison.Ordinal);

    /// <summary>A deliberately small suffix stripper: enough that "stressed", "stressing" and "stress" meet,
    /// predictable enough that a test can reason about it.</summary>
    internal static string Stem(string token)
    {
        if (token.Length <= 4)
        {
            return token;
        }

        foreach (var suffix in (ReadOnlySpan<string>)["ingly", "edly", "ness", "ing", "ies", "ied", "ed", "ly", "es", "s"])
        {
            if (token.EndsWith(suffix, StringComparison.Ordinal) && token.Length - suffix.Length >= 3)
            {
                var stem = token[..^suffix.Length];
                if (suffix is "ness" or "ly" or "ingly" or "edly")
                {
                    return Stem(stem); // "tiredness" -> "tired" -> "tir", like "tired" itself
                }

                if (suffix is "ies" or "ied")
                {
                    return stem + "y";
                }

                if (suffix == "s" && stem.EndsWith('s'))
                {
                    return token; // "stress", "less": not a plural
                }

                // "stopped" -> "stopp" -> "stop": undo a doubled final consonant.
                if (stem.Length >= 4 && stem[^1] == stem[^2] && !"aeiouls".Contains(stem[^1]))
                {
                    stem = stem[..^1];
                }

                return stem;
            }
        }

        return token;
    }
}
