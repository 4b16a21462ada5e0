using System.Globalization;
using System.Text;

namespace TrtOrleans.Therapy.Text;

/// <summary>Steps N1–N5 of docs/engine.md "Text normalisation and detectors": one canonical text form and its word tokens with clause boundaries.</summary>
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
        var nfkc = Nfkc(input);
        var sb = new StringBuilder(nfkc.Length);
        foreach (var c in nfkc)
        {
            if (c is '\n' or '\r' or '\t' or '\v' or '\f') { sb.Append(' '); continue; }
            var cat = char.GetUnicodeCategory(c);
            if (cat is UnicodeCategory.Control or UnicodeCategory.Format) continue;
            sb.Append(c switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u00B4' or '\u02BC' or '`' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' => '"',
                _ => c,
            });
        }
        return sb.ToString();
    }

    /// <summary>NFKC through the platform (ICU). A host running in invariant globalization mode, where
    /// <see cref="string.Normalize()"/> is a no-op, still gets the compatibility mappings that occur in typed chat
    /// text from the managed subset below: full-width forms,
    /// the Unicode spaces, ligatures, the ellipsis, super/subscript digits, circled and mathematical letters; a
    /// base letter followed by combining marks is composed when the platform can, else the marks are dropped.</summary>
    internal static string Nfkc(string input)
    {
        var ascii = true;
        foreach (var c in input)
        {
            if (c > 0x7E) { ascii = false; break; }
        }
        if (ascii) return input;
        try
        {
            var platform = input.Normalize(NormalizationForm.FormKC);
            if (!ReferenceEquals(platform, input) && platform != input) return platform;
        }
        catch (PlatformNotSupportedException)
        {
            // fall through to the managed subset
        }
        var sb = new StringBuilder(input.Length);
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            if (char.IsHighSurrogate(c) && i + 1 < input.Length && char.IsLowSurrogate(input[i + 1]))
            {
                var cp = char.ConvertToUtf32(c, input[i + 1]);
                i++;
                if (cp is >= 0x1D400 and <= 0x1D6A3)
                {
                    var offset = (cp - 0x1D400) % 52;
                    sb.Append(offset < 26 ? (char)('A' + offset) : (char)('a' + offset - 26));
                }
                else if (cp is >= 0x1D7CE and <= 0x1D7FF)
                {
                    sb.Append((char)('0' + (cp - 0x1D7CE) % 10));
                }
                else
                {
                    sb.Append(char.ConvertFromUtf32(cp));
                }
                continue;
            }
            switch (c)
            {
                case >= '\uFF01' and <= '\uFF5E': sb.Append((char)(c - 0xFF01 + 0x21)); break;
                case '\u3000' or '\u00A0' or '\u202F' or '\u205F' or (>= '\u2000' and <= '\u200A'): sb.Append(' '); break;
                case '\u2026': sb.Append("..."); break;
                case '\u2025': sb.Append(".."); break;
                case '\uFB00': sb.Append("ff"); break;
                case '\uFB01': sb.Append("fi"); break;
                case '\uFB02': sb.Append("fl"); break;
                case '\uFB03': sb.Append("ffi"); break;
                case '\uFB04': sb.Append("ffl"); break;
                case '\uFB05' or '\uFB06': sb.Append("st"); break;
                case '\u00B9': sb.Append('1'); break;
                case '\u00B2': sb.Append('2'); break;
                case '\u00B3': sb.Append('3'); break;
                case '\u2070': sb.Append('0'); break;
                case >= '\u2074' and <= '\u2079': sb.Append((char)('4' + c - 0x2074)); break;
                case >= '\u2080' and <= '\u2089': sb.Append((char)('0' + c - 0x2080)); break;
                case >= '\u24B6' and <= '\u24CF': sb.Append((char)('A' + c - 0x24B6)); break;
                case >= '\u24D0' and <= '\u24E9': sb.Append((char)('a' + c - 0x24D0)); break;
                case '\u2024': sb.Append('.'); break;
                case '\uFE50': sb.Append(','); break;
                case '\uFE52': sb.Append('.'); break;
                case '\uFE56': sb.Append('?'); break;
                case '\uFE57': sb.Append('!'); break;
                default:
                    if (char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark && sb.Length > 0)
                    {
                        // A combining accent on an English word: composing needs ICU; dropping keeps the word whole.
                        break;
                    }
                    sb.Append(c);
                    break;
            }
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
