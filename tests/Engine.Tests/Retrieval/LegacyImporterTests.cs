using TrtOrleans.Therapy.Contracts;
using TrtOrleans.Therapy.Retrieval;

namespace TrtOrleans.Engine.Tests.Retrieval;

public sealed class LegacyImporterTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "trt-legacy-" + Guid.NewGuid().ToString("N"));

    public LegacyImporterTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // Written for this test: three good records (one per label style) and one of each skip reason.
    private const string LegacyJson = """
        [
          {"id": "a1", "content": "Doctor: When you notice the knot, what is it like?\nPatient: My stomach churns whenever the landlord texts.",
           "metadata": {"trt_substate": "2.3_sensation", "situation_type": "body_symptoms_exploration", "dr_q_technique": "quality"},
           "tags": ["legacy_tag", "source:project"], "retrieval_contexts": ["dr_q_sensation", "unknown_context"]},
          {"id": 7, "content": "Therapist: What would you like instead?\nClient: Honestly, the invoices pile up and I freeze.",
           "metadata": {"trt_substate": "1.3_readiness_assessment", "situation_type": "not_a_type", "technique": "outcome"},
           "tags": [], "retrieval_contexts": ["initial_goal_clarification", "dr_q_goal_setting_approach"]},
          {"id": "a3", "content": "Dr. Q: How do you know the wave is coming?",
           "metadata": {"trt_substate": "something_else"}, "retrieval_contexts": ["dr_q_emotional_pattern_inquiry"]},
          {"id": "s1", "content": "Patient: only the client spoke", "retrieval_contexts": ["dr_q_sensation"]},
          {"id": "s2", "content": "Doctor: ok", "retrieval_contexts": ["dr_q_location_legacy_only"]},
          {"id": "s3", "content": "Doctor: LONG", "retrieval_contexts": ["dr_q_ready"]},
          {"id": "s4", "content": "Doctor: Where is the {feeling}?", "retrieval_contexts": ["dr_q_ready"]},
          {"content": "Doctor: no id here", "retrieval_contexts": ["dr_q_ready"]},
          {"id": "a1", "content": "Doctor: duplicate?", "retrieval_contexts": ["dr_q_ready"]},
          "not an object"
        ]
        """;

    private static string Json() => LegacyJson.Replace("LONG", new string('x', 1001), StringComparison.Ordinal);

    [Fact]
    public void MapsFieldsAccordingToTheTable()
    {
        var result = new LegacyImporter().Import(Json());

        Assert.Equal(10, result.Read);
        Assert.Equal(3, result.Records.Count);

        var a1 = result.Records[0];
        Assert.Equal("legacy:a1", a1.Id);
        Assert.Equal("When you notice the knot, what is it like?", a1.TherapistText);
        Assert.Equal("My stomach churns whenever the landlord texts.", a1.ClientText);
        Assert.Equal(Substates.ProblemAndBody, a1.Substate);
        Assert.Equal("body_symptoms_exploration", a1.SituationType);
        Assert.Equal("quality", a1.Technique);
        Assert.Equal([RagQueries.Sensation], a1.RagContexts);
        Assert.Equal(["legacy_tag", "source:legacy"], a1.Tags);

        var a2 = result.Records[1];
        Assert.Equal("legacy:7", a2.Id);
        Assert.Equal(Substates.AssessReadiness, a2.Substate);
        Assert.Equal("general_therapeutic_inquiry", a2.SituationType);
        Assert.Equal("outcome", a2.Technique);
        Assert.Equal([RagQueries.GoalClarification], a2.RagContexts);

        var a3 = result.Records[2];
        Assert.Equal("", a3.ClientText);
        Assert.Null(a3.Substate);
        Assert.Equal([RagQueries.HowDoYouKnow], a3.RagContexts);
    }

    [Fact]
    public void SkippedRecordsAreCountedByReasonAndImportedOnesByRagQuery()
    {
        var result = new LegacyImporter().Import(Json());

        Assert.Equal(7, result.Skipped);
        Assert.Equal(1, result.SkippedByReason[LegacyImporter.SkipEmptyTherapistText]);
        Assert.Equal(1, result.SkippedByReason[LegacyImporter.SkipNoMappedContext]);
        Assert.Equal(1, result.SkippedByReason[LegacyImporter.SkipTherapistTextTooLong]);
        Assert.Equal(1, result.SkippedByReason[LegacyImporter.SkipInvalidSlot]);
        Assert.Equal(1, result.SkippedByReason[LegacyImporter.SkipMissingId]);
        Assert.Equal(1, result.SkippedByReason[LegacyImporter.SkipDuplicateId]);
        Assert.Equal(1, result.SkippedByReason[LegacyImporter.SkipInvalidRecord]);
        Assert.Equal(1, result.RecordsPerRagQuery[RagQueries.Sensation]);
        Assert.Equal(1, result.RecordsPerRagQuery[RagQueries.GoalClarification]);
        Assert.Equal(1, result.RecordsPerRagQuery[RagQueries.HowDoYouKnow]);
    }

    [Fact]
    public async Task ImportedFileLoadsBesideTheShippedCorpusAndIsSearchable()
    {
        var result = new LegacyImporter().Import(Json());
        LegacyImporter.WriteJsonl(Path.Combine(_dir, "legacy.jsonl"), result.Records);

        var corpus = ExemplarCorpus.Load(extraDirectory: _dir);
        var hits = await new ExemplarRetriever(corpus)
            .RetrieveAsync(RagQueries.Sensation, "my stomach churns when the landlord texts me", CancellationToken.None);

        Assert.True(corpus.Healthy, string.Join(",", corpus.Problems.Keys));
        Assert.Equal(RetrievalTestData.Shipped().Exemplars.Count + 3, corpus.Exemplars.Count);
        Assert.NotEqual(RetrievalTestData.Shipped().Version, corpus.Version);
        Assert.Equal("legacy:a1", hits[0].Exemplar.Id);
        Assert.False(hits[0].Exemplar.FromProject);
    }

    [Fact]
    public void MappingFileOverridesAndDropsContexts()
    {
        var map = Path.Combine(_dir, "map.json");
        File.WriteAllText(map, """
            {"retrieval_contexts": {"dr_q_location_legacy_only": "dr_q_body_location", "dr_q_emotional_pattern_inquiry": null},
             "substates": {"2.3_sensation": null}}
            """);

        var result = new LegacyImporter(LegacyMapping.FromFile(map)).Import(Json());

        Assert.Contains(result.Records, r => r.Id == "legacy:s2" && r.RagContexts.SequenceEqual([RagQueries.BodyLocation]));
        Assert.DoesNotContain(result.Records, r => r.Id == "legacy:a3");
        Assert.Null(result.Records.Single(r => r.Id == "legacy:a1").Substate);
    }

    [Theory]
    [InlineData("dr_q_future_vision_building", RagQueries.FutureSelfVision)]
    [InlineData("client_states_goal_needs_vision", RagQueries.FutureSelfVision)]
    [InlineData("dr_q_initial_goal_inquiry", RagQueries.GoalClarification)]
    [InlineData("dr_q_present_moment_body_awareness", RagQueries.PresentMoment)]
    [InlineData("dr_q_present_moment_awareness", RagQueries.PresentMoment)]
    [InlineData("present_moment_body_focus", RagQueries.PresentMoment)]
    [InlineData("problem_construction_with_body_awareness", RagQueries.ProblemConstruction)]
    [InlineData("dr_q_somatic_inquiry", RagQueries.BodySymptomPresentMoment)]
    [InlineData("dr_q_body_symptom_exploration", RagQueries.BodySymptomPresentMoment)]
    [InlineData("dr_q_general_therapeutic_inquiry", RagQueries.GeneralApproach)]
    [InlineData("dr_q_ready", RagQueries.Ready)]
    public void LegacyContextNamesMapToRagQueries(string legacy, string expected)
    {
        Assert.Equal(expected, LegacyMapping.Default().MapContext(legacy));
    }

    [Theory]
    [InlineData("2.1_seek", Substates.ProblemAndBody)]
    [InlineData("2.2_location", Substates.ProblemAndBody)]
    [InlineData(Substates.AlphaPermission, Substates.AlphaPermission)]
    [InlineData("4.0_later_stage", null)]
    public void LegacySubstatesMap(string legacy, string? expected)
    {
        Assert.Equal(expected, LegacyMapping.Default().MapSubstate(legacy));
    }

    [Fact]
    public void ContentWithoutLabelsIsTherapistTextAlone()
    {
        Assert.Equal(("Where do you feel it?", ""), LegacyImporter.SplitContent("  Where do you feel it?  "));
        Assert.Equal(("Where?", "In my chest. Mostly."),
            LegacyImporter.SplitContent("Patient: In my chest.\r\nDr Q: Where?\nClient: Mostly."));
    }
}
