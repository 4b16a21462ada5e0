using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Engine.Tests.Text;

/// <summary>The detector facts the worked conversations of trt-engine.md §17 rely on.</summary>
public class WorkedConversationTests
{
    private static TextAnalysis A(string s, QuestionKind pending = QuestionKind.None) => Analyzer.Instance.Analyze(s, pending);

    [Fact]
    public void W1_straight_path()
    {
        var t1 = A("Hi. I've been on edge for weeks.");
        Assert.Equal(["on edge"], t1.Emotion.NegativeWords);
        Assert.False(t1.Goal.Recognised);

        var t2 = A("I'd like to feel settled again", QuestionKind.Goal);
        Assert.Equal("calm", t2.Goal.Label);

        Assert.True(A("Yes, that's exactly it", QuestionKind.VisionCheck).Answers.Affirm);
        var t4 = A("Makes sense to me", QuestionKind.EducationCheck);
        Assert.True(t4.Answers.Affirm);
        Assert.False(t4.Answers.Confusion);

        var t5 = A("Money. The rent went up and I can't cover it", QuestionKind.Problem);
        Assert.Equal(["money", "rent"], t5.Problem.Topics);

        var t6 = A("A tight band across my chest", QuestionKind.BodyEntry);
        Assert.Equal(["chest"], t6.Body.Locations);
        Assert.Contains("tight", t6.Body.Sensations);

        var t7 = A("Yes, it's there right now", QuestionKind.PresentMoment);
        Assert.True(t7.Answers.Affirm);
        Assert.True(t7.Body.PresentCue);

        Assert.True(A("I notice it every time I open my banking app", QuestionKind.Pattern).Problem.PatternAnswer);
        Assert.True(A("No, that covers it", QuestionKind.Readiness).Answers.NothingMore);

        var t10 = A("Sure, let's try", QuestionKind.Permission);
        Assert.True(t10.Answers.Consent);
        Assert.False(t10.Answers.Decline);

        Assert.Equal(CheckpointClass.Calm, A("A little calmer", QuestionKind.AlphaCheckpoint).Checkpoint);
        Assert.Equal(CheckpointClass.Calm, A("Calmer again", QuestionKind.AlphaCheckpoint).Checkpoint);
        Assert.Equal(CheckpointClass.Calm, A("Much more relaxed", QuestionKind.AlphaCheckpoint).Checkpoint);
    }

    [Fact]
    public void W2_client_who_does_not_know()
    {
        foreach (var s in new[] { "no idea, honestly", "hmm, dunno", "I really don't know", "don't know", "no clue", "not sure", "dunno" })
        {
            var a = A(s, QuestionKind.Goal);
            Assert.True(a.Answers.IdkAnswer, s);
            Assert.False(a.Answers.Decline, s);
            Assert.False(a.Goal.Recognised, s);
        }
        var maybe = A("maybe", QuestionKind.VisionCheck);
        Assert.False(maybe.Answers.Affirm);
        Assert.True(maybe.Answers.Maybe);
        Assert.True(A("I guess so", QuestionKind.VisionCheck).Answers.Affirm);
        Assert.True(A("ok", QuestionKind.EducationCheck).Answers.Affirm);
    }

    [Fact]
    public void W3_crisis_and_follow_up()
    {
        var t1 = A("Work has been brutal and I'm exhausted");
        Assert.False(t1.Crisis.Detected);
        Assert.Equal(RiskLevel.None, t1.Crisis.Risk);
        Assert.Equal(["work"], t1.Problem.Topics);
        Assert.Equal(["exhausted"], t1.Emotion.NegativeWords);

        var t2 = A("Lately I keep thinking it'd be easier to not exist", QuestionKind.Goal);
        Assert.Equal(RiskLevel.Moderate, t2.Crisis.Risk);
        Assert.Equal("crisis_level", t2.Emotion.PrimaryEmotion);

        Assert.Equal(SafetyAnswerClass.Unclear, A("I'd rather talk about work", QuestionKind.Safety).SafetyAnswer);
        Assert.Equal(SafetyAnswerClass.Safe, A("Yes, I'm safe. My partner is home with me.", QuestionKind.Safety).SafetyAnswer);

        var t5 = A("I'd like to feel less drained", QuestionKind.Goal);
        Assert.Equal("at ease", t5.Goal.Label);
        Assert.False(t5.Crisis.Detected);
    }

    [Fact]
    public void W4_no_body_awareness()
    {
        var t1 = A("I'm worn out by constant arguments with my brother");
        Assert.Equal(["worn out"], t1.Emotion.NegativeWords);
        Assert.Equal(["arguments", "brother"], t1.Problem.Topics);

        Assert.Equal("peaceful", A("To feel at peace with him", QuestionKind.Goal).Goal.Label);
        Assert.True(A("Yeah", QuestionKind.VisionCheck).Answers.BareAffirm);
        Assert.Equal(["arguing"], A("The arguing, mostly", QuestionKind.Problem).Problem.Topics);

        var t6 = A("I think it's because we never learned to talk", QuestionKind.BodyEntry);
        Assert.True(t6.Thinking.Detected);
        Assert.Empty(t6.Emotion.NegativeWords);

        var t7 = A("I don't really feel anything physical", QuestionKind.BodyLocation);
        Assert.True(t7.Body.Absent);
        Assert.Empty(t7.Body.Locations);

        var t8 = A("Honestly nothing, no", QuestionKind.BodyLocation);
        Assert.Empty(t8.Body.Locations);
        Assert.Empty(t8.Body.Sensations);
        Assert.False(t8.Body.PresentCue);

        var t9 = A("Not that I can tell", QuestionKind.PresentMoment);
        Assert.False(t9.Answers.Decline || t9.Answers.Affirm); // an unproductive body answer (count 3 → T12-a)
        Assert.Empty(t9.Body.Locations);
        Assert.False(t9.Body.PresentCue);

        Assert.True(A("Nope", QuestionKind.Readiness).Answers.Decline);
    }

    [Fact]
    public void W5_tension_during_the_exercise()
    {
        var t1 = A("okay, I'll give it a go", QuestionKind.Permission);
        Assert.True(t1.Answers.Consent);
        Assert.False(t1.Answers.Decline || t1.Answers.Stop || t1.IDontKnow.Detected);

        Assert.Equal(CheckpointClass.Tense, A("it feels odd, tighter", QuestionKind.AlphaCheckpoint).Checkpoint);
        Assert.Equal(CheckpointClass.Tense, A("still tight", QuestionKind.AlphaCheckpoint).Checkpoint);
        Assert.Equal(CheckpointClass.Same, A("about the same really", QuestionKind.AlphaCheckpoint).Checkpoint);
        Assert.Equal(CheckpointClass.Calm, A("better", QuestionKind.AlphaCheckpoint).Checkpoint);
        Assert.Equal(CheckpointClass.Calm, A("calm", QuestionKind.AlphaCheckpoint).Checkpoint);
    }

    [Fact]
    public void Analysis_is_deterministic_and_thread_safe()
    {
        string[] inputs =
        [
            "Hi. I've been on edge for weeks.", "i want to kill myself tonight", "A tight band across my chest",
            "no idea, honestly", "I'd like to feel less drained", "it feels odd, tighter",
        ];
        var expected = inputs.Select(i => Describe(A(i, QuestionKind.Goal))).ToArray();
        var results = new string[inputs.Length * 50];
        Parallel.For(0, results.Length, i => results[i] = Describe(A(inputs[i % inputs.Length], QuestionKind.Goal)));
        for (var i = 0; i < results.Length; i++) Assert.Equal(expected[i % inputs.Length], results[i]);
    }

    private static string Describe(TextAnalysis a) => string.Join('|',
        a.CorrectedInput, a.InputCategory, a.Crisis.Risk, string.Join(',', a.Crisis.PhrasesFound), a.Emotion.PrimaryEmotion,
        string.Join(',', a.Emotion.NegativeWords), a.Goal.Label, string.Join(',', a.Body.Locations), string.Join(',', a.Body.Sensations),
        a.Answers, a.Checkpoint, a.SafetyAnswer);
}
