using System.Globalization;
using System.Text;

namespace TrtOrleans.Therapy.Text;

/// <summary>Steps N1–N5 of trt-engine.md §4: one canonical text form and its word tokens with clause boundaries.</summary>
internal static class TextNormalizer
{
    // N4 apostrophe-less forms and informal spellings. Real words (its, ill, id, were, well, hell, shell, wed, lets)
    // are deliberately absent: expanding them would corrupt ordinary sentences.
    private static readonly Dictionary<string, string> BareContractions = new(StringComparer.Ordinal)
    {
        ["dont"] = "do not", ["doesnt"] = "does not", ["didnt"] = "did not", ["cant"] = "can not",
        ["couldnt"] = "could not", ["wouldnt"] = "would not", ["shouldnt"] = "should not", ["isnt"] = "is not",
        ["wasnt"] = "was not", ["arent"] = "are not", ["havent"] = "have not", ["hasnt"] = "has not",
        ["wont"] = "will not", ["im"] = "i am", ["ive"] = "i have", ["youre"] = "you are", ["thats"] = "that is",
        ["whats"] = "what is", ["theres"] = "there is", ["cannot"] = "can not", ["wanna"] = "want to",
        ["gonna"] = "going to", ["gotta"] = "have to", ["kinda"] = "kind of", ["dunno"] = "do not know",
    };

    // Words whose "'s" is "is" rather than a possessive.
    private static readonly HashSet<string> IsContractions = new(StringComparer.Ordinal)
    {
        "it", "that", "what", "there", "he", "she", "who", "where", "here", "how",
    };

    // Whole-word irregular n't forms; the rest drop "n't" and append " not".
    private static readonly Dictionary<string, string> IrregularNot = new(StringComparer.Ordinal)
    {
        ["can't"] = "can not", ["won't"] = "will not", ["shan't"] = "shall not", ["ain't"] = "is not",
    };

    private static readonly HashSet<string> ClauseWords = new(StringComparer.Ordinal) { "but", "although", "though", "however" };

    /// <summary>N1–N4: the <c>cleaned_input</c>.</summary>
    public static string Clean(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var text = Step1(input);
        text = text.ToLowerInvariant(); // N2
        text = Step3(text);
        return Step4(text);
    }

    private static string Step1(string input)
    {
        var nfkc = input.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(nfkc.Length);
        foreach (var c in nfkc)
        {
            if (c is '\n' or '\r' or '\t' or '\v' or '\f') { sb.Append(' '); continue; }
            var cat = char.GetUnicodeCategory(c);
            if (cat is UnicodeCategory.Control or UnicodeCategory.Format) continue;
            sb.Append(c switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u00B4' or '`' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' => '"',
                _ => c,
            });
        }
        return sb.ToString();
    }

    private static string Step3(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
                continue;
            }
            if (c is '.' or '!' or '?' && sb.Length > 0 && sb[^1] == c) continue;
            if (char.IsLetter(c) && sb.Length >= 2 && sb[^1] == c && sb[^2] == c) continue;
            sb.Append(c);
        }
        if (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
        return sb.ToString();
    }

    private static string Step4(string text)
    {
        // Hyphens between letters become spaces first, so "self-harm" is two words for everything below.
        var chars = text.ToCharArray();
        for (var i = 1; i < chars.Length - 1; i++)
        {
            if (chars[i] == '-' && char.IsLetter(chars[i - 1]) && char.IsLetter(chars[i + 1])) chars[i] = ' ';
        }

        var sb = new StringBuilder(chars.Length + 16);
        var pos = 0;
        while (pos < chars.Length)
        {
            if (!char.IsLetterOrDigit(chars[pos])) { sb.Append(chars[pos]); pos++; continue; }
            var start = pos;
            while (pos < chars.Length && (char.IsLetterOrDigit(chars[pos])
                                          || (chars[pos] == '\'' && pos + 1 < chars.Length && char.IsLetter(chars[pos + 1]))))
            {
                pos++;
            }
            var word = new string(chars, start, pos - start);
            sb.Append(ExpandWord(word));
        }

        var result = sb.ToString();
        // "my self" → "myself" (word-bounded).
        if (result.Contains("my self", StringComparison.Ordinal)) result = JoinMySelf(result);
        return result;
    }

    private static string ExpandWord(string word)
    {
        if (word.IndexOf('\'') < 0)
        {
            return BareContractions.TryGetValue(word, out var bare) ? bare : word;
        }
        if (IrregularNot.TryGetValue(word, out var irregular)) return irregular;
        if (word.EndsWith("n't", StringComparison.Ordinal) && word.Length > 3) return word[..^3] + " not";
        if (word == "let's") return "let us";
        var apos = word.LastIndexOf('\'');
        var stem = word[..apos];
        var suffix = word[(apos + 1)..];
        return suffix switch
        {
            "s" when IsContractions.Contains(stem) => stem + " is",
            "m" => stem + " am",
            "re" => stem + " are",
            "ve" => stem + " have",
            "ll" => stem + " will",
            "d" => stem + " would",
            _ => word,
        };
    }

    private static string JoinMySelf(string text)
    {
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (string.CompareOrdinal(text, i, "my self", 0, 7) == 0
                && (i == 0 || !char.IsLetterOrDigit(text[i - 1]))
                && (i + 7 == text.Length || !char.IsLetterOrDigit(text[i + 7])))
            {
                sb.Append("myself");
                i += 7;
                continue;
            }
            sb.Append(text[i]);
            i++;
        }
        return sb.ToString();
    }

    /// <summary>N5: word tokens of <paramref name="cleaned"/> with their offsets and clause numbers. A clause word
    /// (but/although/though/however) is a token of its own clause, so it joins neither neighbour.</summary>
    public static List<RawToken> Tokenize(string cleaned)
    {
        var tokens = new List<RawToken>();
        var clause = 0;
        var clauseHasWords = false;
        var i = 0;
        while (i < cleaned.Length)
        {
            var c = cleaned[i];
            if (char.IsLetterOrDigit(c))
            {
                var start = i;
                while (i < cleaned.Length && char.IsLetterOrDigit(cleaned[i])) i++;
                var text = cleaned[start..i];
                if (ClauseWords.Contains(text))
                {
                    if (clauseHasWords) clause++;
                    tokens.Add(new RawToken(text, start, i - start, clause, true));
                    clause++;
                    clauseHasWords = false;
                }
                else
                {
                    tokens.Add(new RawToken(text, start, i - start, clause, false));
                    clauseHasWords = true;
                }
                continue;
            }
            if (c is '.' or ',' or ';' or ':' or '!' or '?' or '-' or '\u2013' or '\u2014')
            {
                if (clauseHasWords) { clause++; clauseHasWords = false; }
            }
            i++;
        }
        return tokens;
    }
}

/// <summary>A word token of the cleaned input. <see cref="IsClauseWord"/> marks but/although/though/however.</summary>
internal readonly record struct RawToken(string Text, int Start, int Length, int Clause, bool IsClauseWord);
