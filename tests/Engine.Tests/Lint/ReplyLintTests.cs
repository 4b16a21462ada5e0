using TrtOrleans.Therapy.Contracts;
using TrtOrleans.Therapy.Engine;
using TrtOrleans.Therapy.Retrieval;

namespace TrtOrleans.Engine.Tests.Lint;

/// <summary>Amendments A6 and A8: every template variant and every corpus exemplar, filled with a range of client
/// words, reads as clean English within the §10 limits and carries the content its row requires.</summary>
public sealed class ReplyLintTests
{
    private static readonly ReplyTemplates Templates = ReplyTemplates.LoadDefault();

    // Which template row a corpus record stands in for when it is used verbatim (§15.4).
    private static readonly Dictionary<string, string> RowOfRagQuery = new(StringComparer.Ordinal)
    {
        [RagQueries.GoalClarification] = Intents.GoalQuestion,
        [RagQueries.RedirectOutcome] = Intents.GoalRedirectOutcome,
        [RagQueries.FutureSelfVision] = Intents.VisionPresent,
        [RagQueries.ProblemConstruction] = Intents.ProblemQuestion,
        [RagQueries.BodySymptomPresentMoment] = Intents.BodyEntry,
        [RagQueries.BodyLocation] = Intents.AskLocation,
        [RagQueries.Sensation] = Intents.AskSensation,
        [RagQueries.PresentMoment] = Intents.AskPresentMoment,
        [RagQueries.HowDoYouKnow] = Intents.AskPattern,
        [RagQueries.GeneralApproach] = Intents.GeneralInquiry,
        [RagQueries.Ready] = Intents.ReadinessQuestion,
        [RagQueries.TransitionToIntervention] = Intents.PermissionRequest,
    };

    private static List<LintSlots> SlotSets()
    {
        var plain = LintSlots.All([""], Templates.AnimalPairs, ["Let your jaw soften."]).First();
        var acks = new List<string> { "" };
        foreach (var key in new[] { Intents.AckNeutral, Intents.AckNegative, Intents.AckPositive })
        {
            acks.AddRange(Templates.Get(key).Variants.Select(v => ReplyLint.Fill(v, plain)));
        }

        var steps = new[] { "jaw", "tongue", "breath" }
            .SelectMany(s => Templates.Get(Intents.AlphaInstruction(Enum.Parse<AlphaStep>(s, true))).Variants).ToList();
        return LintSlots.All(acks, Templates.AnimalPairs, steps).ToList();
    }

    [Fact]
    public void EveryTemplateVariantPassesTheLint()
    {
        var problems = new List<string>();
        var sets = SlotSets();
        var checkedReplies = 0;
        foreach (var key in Templates.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            var entry = Templates.Get(key);
            foreach (var (variants, fallback) in new[] { (entry.Variants, false), (entry.Fallback, true) })
            {
                for (var i = 0; i < variants.Count; i++)
                {
                    foreach (var slots in sets)
                    {
                        var reply = ReplyLint.Fill(variants[i], slots);
                        checkedReplies++;
                        problems.AddRange(ReplyLint.Check(key, entry.Question, reply, slots, fallback)
                            .Select(p => $"{key}{(fallback ? " fallback" : "")} #{i}: {p} — \"{reply}\""));
                    }
                }
            }
        }

        Assert.True(checkedReplies > 1000);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct().Take(60)));
    }

    [Fact]
    public void EveryCorpusExemplarPassesTheLint()
    {
        var corpus = ExemplarCorpus.Load();
        Assert.NotEmpty(corpus.Exemplars);
        var problems = new List<string>();
        var sets = SlotSets();
        foreach (var ex in corpus.Exemplars)
        {
            var row = RowOfRagQuery[ex.RagContexts[0]];
            // As §15.4 uses it: an acknowledgement is put in front unless the record carries its own.
            var text = ex.HasAck || ex.TherapistText.Contains("{ack}", StringComparison.Ordinal) ? ex.TherapistText : "{ack} " + ex.TherapistText;
            foreach (var slots in sets)
            {
                var reply = ReplyLint.Fill(text, slots);
                problems.AddRange(ReplyLint.Check(row, question: true, reply, slots, fallback: false)
                    .Select(p => $"{ex.Id}: {p} — \"{reply}\""));
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct().Take(60)));
    }

    [Theory]
    [InlineData("Is the shaky feeling feeling in your hands there right now?", "duplicated word")]
    [InlineData("Is the {sensation} there?", "unfilled slot")]
    [InlineData("Where is it  now?", "double space")]
    [InlineData("What is it like in the your chest?", "article clash")]
    [InlineData("One. Two. Three. Four?", "4 sentences")]
    public void TheLintCatchesTheKnownDefects(string reply, string expected)
    {
        var slots = SlotSets()[0];
        var problems = ReplyLint.Check(Intents.GeneralInquiry, question: true, reply, slots, fallback: true).ToList();
        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void TheLintCatchesAVariantWithoutItsContent()
    {
        var slots = SlotSets()[0];
        var problems = ReplyLint.Check(Intents.RedirectThinking, question: true,
            "That makes sense as an explanation. What do you notice as you say it?", slots, fallback: false).ToList();
        Assert.Contains(problems, p => p.Contains("where in the body", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("So you'd like to feel {desired_state}. Would that fit for you?")]
    [InlineData("Many people in your place want to feel better. Would that fit for you?")]
    [InlineData("Perhaps you want to feel {desired_state}. Would that fit for you?")]
    [InlineData("Feeling {desired_state} is a good thing to aim for. Would that fit for you?")]
    public void TheLintCatchesASuggestionPutInTheClientsMouthOrWithoutItsWords(string variant)
    {
        var slots = SlotSets()[0];
        var reply = ReplyLint.Fill(variant, slots);
        var problems = ReplyLint.Check(Intents.VisionSuggest, question: true, reply, slots, fallback: false).ToList();
        Assert.Contains(problems, p => p.StartsWith("vision_suggest:", StringComparison.Ordinal));
    }
}
