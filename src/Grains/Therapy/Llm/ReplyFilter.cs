using System.Text;
using System.Text.RegularExpressions;

namespace TrtOrleans.Therapy.Llm;

/// <summary>The post-filter of LLM phrasing (docs/engine.md "LLM use"). A rejected reply means the engine keeps its draft; the reason is
/// reported as <c>filtered:&lt;reason&gt;</c>. Order: cheap structural checks first, word lists last.</summary>
internal sealed partial class ReplyFilter
{
    private readonly Regex _roleLabel;
    private readonly Regex _diagnosis;
    private readonly Regex _medication;
    private readonly Regex _meta;
    private readonly Func<string, bool> _containsCrisisCue;

    public ReplyFilter(ReplyFilterLexicon lexicon, Func<string, bool> containsCrisisCue)
    {
        _containsCrisisCue = containsCrisisCue;
        var labels = lexicon.RoleLabels.Select(WordPattern);
        _roleLabel = new Regex(@"^\s*(?:" + string.Join('|', labels) + @")\s*:\s*", Options);
        var conditions = string.Join('|', lexicon.Conditions.Select(WordPattern));
        var leadIns = string.Join('|', lexicon.DiagnosisLeadIns.Select(WordPattern));
        var diagnosis = lexicon.Diagnosis.Select(WordPattern).ToList();
        if (conditions.Length > 0 && leadIns.Length > 0)
        {
            diagnosis.Add($@"(?:{leadIns})\s+(?:{conditions})");
        }

        _diagnosis = Alternation(diagnosis);
        _medication = Alternation(lexicon.Medication.Concat(lexicon.DrugNames).Select(WordPattern)
            .Append(@"\d\s*mg\b"));
        _meta = Alternation(lexicon.Meta.Select(WordPattern));
    }

    private const RegexOptions Options =
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    /// <summary>Returns the cleaned reply, or null and the rejection reason.</summary>
    public (string? Reply, string? Reason) Check(string? raw, ReplyCheck check)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return (null, "empty");
        }

        var text = NormaliseQuotes(raw.Trim());
        text = StripWrappers(text);
        if (text.Length == 0)
        {
            return (null, "empty");
        }

        if (check.Fence.Leaks(text))
        {
            return (null, "fence_marker");
        }

        if (AnyLabel().IsMatch(text))
        {
            return (null, "role_label");
        }

        if (text.Length > check.MaxChars)
        {
            return (null, "too_long");
        }

        if (text.Contains('\n') || text.Contains('\r'))
        {
            return (null, "newline");
        }

        if (text.Contains("```", StringComparison.Ordinal))
        {
            return (null, "code_fence");
        }

        if (Markdown().IsMatch(text))
        {
            return (null, "markdown");
        }

        if (text.IndexOfAny(['{', '}', '[', ']']) >= 0)
        {
            return (null, "braces");
        }

        if (Url().IsMatch(text))
        {
            return (null, "url");
        }

        if (CountSentences(text) > check.MaxSentences)
        {
            return (null, "too_many_sentences");
        }

        if (check.IsQuestion && text.Count(c => c == '?') != 1)
        {
            return (null, "question_count");
        }

        foreach (var word in check.RequiredWords)
        {
            if (!string.IsNullOrWhiteSpace(word)
                && !Regex.IsMatch(text, WordPattern(NormaliseQuotes(word.Trim())), Options))
            {
                return (null, "missing_slot_word");
            }
        }

        if (CrisisCue(text))
        {
            return (null, "crisis_cue");
        }

        if (_diagnosis.IsMatch(text))
        {
            return (null, "diagnosis");
        }

        if (_medication.IsMatch(text))
        {
            return (null, "medication");
        }

        if (_meta.IsMatch(text))
        {
            return (null, "meta");
        }

        return (text, null);
    }

    private bool CrisisCue(string text)
    {
        try
        {
            return _containsCrisisCue(text);
        }
        catch (Exception)
        {
            // A detector that cannot judge the reply must not let it through.
            return true;
        }
    }

    /// <summary>Strips leading role labels and wrapping quotes, repeatedly: models write "Therapist: \"…\"".</summary>
    private string StripWrappers(string text)
    {
        for (var i = 0; i < 4; i++)
        {
            var before = text;
            text = _roleLabel.Replace(text, string.Empty, 1).Trim();
            if (text.Length >= 2 && text[0] == '"' && text[^1] == '"' && text.Count(c => c == '"') == 2)
            {
                text = text[1..^1].Trim();
            }

            if (text == before)
            {
                break;
            }
        }

        return text;
    }

    /// <summary>Counts sentences by terminal punctuation runs ("..." and "?!" count once).</summary>
    internal static int CountSentences(string text)
    {
        var count = 0;
        var inSentence = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '.' or '!' or '?' or '…')
            {
                if (inSentence)
                {
                    count++;
                    inSentence = false;
                }
            }
            else if (char.IsLetterOrDigit(c))
            {
                inSentence = true;
            }
        }

        return inSentence ? count + 1 : count;
    }

    private static string NormaliseQuotes(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\u2018' or '\u2019' or '\u02BC' => '\'',
                '\u201C' or '\u201D' or '\u00AB' or '\u00BB' => '"',
                _ => c,
            });
        }

        return builder.ToString();
    }

    /// <summary>Whole word or phrase; a trailing * makes it a prefix ("diagnos*"). Spaces match any whitespace.</summary>
    private static string WordPattern(string entry)
    {
        var prefix = entry.EndsWith('*');
        var core = prefix ? entry[..^1] : entry;
        var escaped = string.Join(@"\s+",
            core.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape));
        var start = char.IsLetterOrDigit(core.FirstOrDefault()) ? @"\b" : string.Empty;
        var end = prefix ? @"\w*" : char.IsLetterOrDigit(core.LastOrDefault()) ? @"\b" : string.Empty;
        return start + escaped + end;
    }

    private static Regex Alternation(IEnumerable<string> patterns)
    {
        var list = patterns.ToList();
        return list.Count == 0 ? new Regex("(?!)") : new Regex("(?:" + string.Join('|', list) + ")", Options);
    }

    /// <summary>A label left after stripping (Client:, User:, Patient: …) — a short capitalised lead ending in ':'.</summary>
    [GeneratedRegex(@"^\s*[A-Za-z][A-Za-z.']*(?:\s[A-Za-z.']+)?\s*:")]
    private static partial Regex AnyLabel();

    [GeneratedRegex(@"\*|(?:^|\s)#|__|^\s*[-+>]\s|^\s*\d+[.)]\s|`|\|")]
    private static partial Regex Markdown();

    [GeneratedRegex(@"https?://|www\.|\b[a-z0-9-]+\.(?:com|org|net|io|ai|co|uk|de|info)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Url();
}

/// <summary>What a reply is checked against: limits of the intent and the words it must keep.</summary>
internal sealed record ReplyCheck(
    PromptFence Fence,
    int MaxChars,
    int MaxSentences,
    bool IsQuestion,
    IReadOnlyList<string> RequiredWords);
