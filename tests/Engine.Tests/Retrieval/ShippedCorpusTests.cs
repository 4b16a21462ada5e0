using System.Text.RegularExpressions;
using TrtOrleans.Therapy.Contracts;
using TrtOrleans.Therapy.Retrieval;

namespace TrtOrleans.Engine.Tests.Retrieval;

/// <summary>The startup check of §15.2 run on the shipped files, plus the authoring rules of the project corpus.</summary>
public sealed partial class ShippedCorpusTests
{
    private readonly ExemplarCorpus _corpus = RetrievalTestData.Shipped();

    [GeneratedRegex(@"^trt-ex-\d{4}$")]
    private static partial Regex ProjectId();

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Slot();

    [Fact]
    public void ShippedCorpusPassesTheStartupCheck()
    {
        Assert.True(_corpus.Healthy, string.Join(", ", _corpus.Problems.Select(p => $"{p.Key}={p.Value}")));
        Assert.Empty(_corpus.Problems);
        Assert.Matches("^[0-9a-f]{12}$", _corpus.Version);
    }

    [Fact]
    public void ProjectCorpusHasAtLeast180OwnRecordsWithProjectIds()
    {
        var project = _corpus.Exemplars.Where(e => e.FromProject).ToList();
        Assert.True(project.Count >= 180, $"{project.Count} project records");
        Assert.All(project, e => Assert.Matches(ProjectId(), e.Id));
        Assert.Equal(project.Count, project.Select(e => e.Id).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(RetrievalTestData.EachRagQuery), MemberType = typeof(RetrievalTestData))]
    public void EveryRagQueryHasAtLeastTwelveProjectRecords(string ragQuery)
    {
        var n = _corpus.Exemplars.Count(e => e.FromProject && e.RagContexts.Contains(ragQuery));
        Assert.True(n >= 12, $"{ragQuery}: {n}");
    }

    [Fact]
    public void TherapistTextsAskExactlyOneQuestionAndUseOnlyKnownSlots()
    {
        Assert.All(_corpus.Exemplars, e =>
        {
            Assert.Equal(1, e.TherapistText.Count(c => c == '?'));
            Assert.EndsWith("?", e.TherapistText, StringComparison.Ordinal);
            Assert.All(Slot().Matches(e.TherapistText), m => Assert.Contains(m.Groups[1].Value, ExemplarVocabulary.Slots));
            Assert.InRange(e.TherapistText.Length, 1, 400);
        });
    }

    [Fact]
    public void AckSlotOnlyAppearsInRecordsTaggedHasAck()
    {
        Assert.All(_corpus.Exemplars.Where(e => e.TherapistText.Contains("{ack}", StringComparison.Ordinal)),
            e => Assert.True(e.HasAck, e.Id));
    }

    [Fact]
    public void MostRecordsAreVerbatimUsableAndEveryRecordHasAClientLine()
    {
        Assert.True(_corpus.Exemplars.Count(e => e.VerbatimOk) >= _corpus.Exemplars.Count * 3 / 4);
        Assert.All(_corpus.Exemplars, e => Assert.False(string.IsNullOrWhiteSpace(e.ClientText), e.Id));
        Assert.Equal(_corpus.Exemplars.Count,
            _corpus.Exemplars.Select(e => e.ClientText).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void SubstatesAndSituationTypesComeFromTheSpec()
    {
        Assert.All(_corpus.Exemplars, e =>
        {
            Assert.Contains(e.Substate!, ExemplarVocabulary.Substates);
            Assert.Contains(e.SituationType!, ExemplarVocabulary.SituationTypes);
            Assert.All(e.RagContexts, c => Assert.Contains(c, RagQueries.All));
        });
    }

    [Fact]
    public void RepliesStayWithinTheSentenceLimits()
    {
        // §10.3: at most 3 sentences, except the vision picture and the permission request.
        Assert.All(_corpus.Exemplars, e =>
        {
            var sentences = Sentence().Matches(e.TherapistText).Count;
            var limit = e.RagContexts.Any(c => c is RagQueries.FutureSelfVision or RagQueries.TransitionToIntervention) ? 5 : 3;
            Assert.True(sentences <= limit, $"{e.Id}: {sentences}");
        });
    }

    [Fact]
    public void RepliesAvoidDiagnosisMedicationMarkupAndMetaTalk()
    {
        string[] banned = ["diagnos", "disorder", "syndrome", "medication", "medicine", "pill", "prescri", "as an ai",
            "language model", "chatbot", "http", "*", "#", "\n", "`"];
        Assert.All(_corpus.Exemplars, e =>
        {
            Assert.DoesNotContain('\n', e.TherapistText);
            Assert.All(banned, b => Assert.DoesNotContain(b, e.TherapistText, StringComparison.OrdinalIgnoreCase));
        });
    }

    [GeneratedRegex(@"[^.?!]+[.?!]")]
    private static partial Regex Sentence();

    [Fact]
    public void CorpusVersionIsStableAcrossLoads()
    {
        Assert.Equal(_corpus.Version, RetrievalTestData.Shipped().Version);
    }
}
