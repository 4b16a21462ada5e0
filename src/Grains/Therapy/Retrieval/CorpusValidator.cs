using System.Text.RegularExpressions;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Retrieval;

/// <summary>Checks exemplar records against docs/engine.md "Retrieval"/docs/engine.md "Retrieval". Reasons are counted, never quoted: a record's text is
/// sensitive-looking material and must not reach logs or health output.</summary>
internal static partial class CorpusValidator
{
    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex SlotPattern();

    /// <summary>Adds one count per problem of one record to <paramref name="problems"/>.</summary>
    public static void CheckRecord(Exemplar e, CorpusRules rules, Dictionary<string, int> problems)
    {
        if (string.IsNullOrWhiteSpace(e.Id))
        {
            Count(problems, "missing_id");
        }

        var legacy = e.Tags.Contains(ExemplarVocabulary.SourceLegacy);
        var max = legacy ? rules.MaxLegacyTherapistChars : rules.MaxTherapistChars;
        if (e.TherapistText.Trim().Length == 0 || e.TherapistText.Length > max)
        {
            Count(problems, "therapist_text_length");
        }

        if (e.ClientText.Length > rules.MaxClientChars)
        {
            Count(problems, "client_text_length");
        }

        if (!SlotsValid(e.TherapistText))
        {
            Count(problems, "invalid_slot");
        }

        if (e.RagContexts.Count == 0)
        {
            Count(problems, "no_rag_context");
        }
        else if (e.RagContexts.Any(c => !ExemplarVocabulary.RagQueryValues.Contains(c)))
        {
            Count(problems, "unknown_rag_context");
        }

        if (e.Substate is not null && !ExemplarVocabulary.Substates.Contains(e.Substate))
        {
            Count(problems, "unknown_substate");
        }

        if (e.SituationType is not null && !ExemplarVocabulary.SituationTypes.Contains(e.SituationType))
        {
            Count(problems, "unknown_situation_type");
        }
    }

    /// <summary>Every brace pair names an allowed slot, and no brace is left unpaired.</summary>
    public static bool SlotsValid(string text)
    {
        foreach (Match m in SlotPattern().Matches(text))
        {
            if (!ExemplarVocabulary.Slots.Contains(m.Groups[1].Value))
            {
                return false;
            }
        }

        var rest = SlotPattern().Replace(text, "");
        return !rest.Contains('{') && !rest.Contains('}');
    }

    /// <summary>Corpus-wide rules: unique ids and the project's own coverage.</summary>
    public static void CheckCorpus(IReadOnlyList<Exemplar> records, CorpusRules rules, Dictionary<string, int> problems)
    {
        var duplicates = records.GroupBy(r => r.Id, StringComparer.Ordinal).Sum(g => g.Count() - 1);
        if (duplicates > 0)
        {
            problems["duplicate_id"] = duplicates;
        }

        var project = records.Where(r => r.FromProject).ToList();
        if (project.Count < rules.MinProjectRecords)
        {
            problems["project_records_below_minimum"] = project.Count;
        }

        foreach (var query in RagQueries.All)
        {
            var n = project.Count(r => r.RagContexts.Contains(query));
            if (n < rules.MinProjectRecordsPerRagQuery)
            {
                problems[$"coverage_below_minimum:{query}"] = n;
            }
        }
    }

    public static void Count(Dictionary<string, int> problems, string reason) =>
        problems[reason] = problems.GetValueOrDefault(reason) + 1;
}
