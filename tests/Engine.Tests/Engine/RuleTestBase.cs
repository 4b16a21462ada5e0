using TrtOrleans.Therapy.Contracts;
using TrtOrleans.Therapy.Engine;

namespace TrtOrleans.Engine.Tests.Engine;

/// <summary>Helpers for rule tests on hand-built detector results.</summary>
public abstract class RuleTestBase
{
    internal FakeAnalyzer Fake { get; } = new FakeAnalyzer()
        .Add("plain", new FakeInput())
        .Add("confused", new FakeInput { Confusion = true })
        .Add("idk", new FakeInput { Idk = true, Confusion = false })
        .Add("yes", new FakeInput { Words = 1, Affirm = true, BareAffirm = true, Consent = true, Checkpoint = CheckpointClass.Calm, Safety = SafetyAnswerClass.Safe })
        .Add("no", new FakeInput { Words = 1, Decline = true, Checkpoint = CheckpointClass.Unclear, Safety = SafetyAnswerClass.Unsafe })
        .Add("calm goal", new FakeInput { GoalLabel = "calm", GoalPhrase = "calm" })
        .Add("peace goal", new FakeInput { GoalLabel = "peaceful", GoalPhrase = "at peace" })
        .Add("nothing", new FakeInput { Words = 2, Absent = true })
        .Add("nothing more", new FakeInput { Words = 2, NothingMore = true })
        .Add("past", new FakeInput { Words = 6, Past = true })
        .Add("thinking", new FakeInput { Words = 6, Thinking = true })
        .Add("chest tight", new FakeInput { Locations = ["chest"], Sensations = ["tight"] })
        .Add("chest", new FakeInput { Words = 1, Locations = ["chest"] })
        .Add("anxious", new FakeInput { Words = 2, Negative = ["anxious"] })
        .Add("work", new FakeInput { Words = 1, Topics = ["work"] })
        .Add("tense", new FakeInput { Words = 1, Checkpoint = CheckpointClass.Tense })
        .Add("same", new FakeInput { Words = 1, Checkpoint = CheckpointClass.Same })
        .Add("calm", new FakeInput { Words = 1, Checkpoint = CheckpointClass.Calm, Positive = ["calm"] })
        .Add("stop", new FakeInput { Words = 1, Stop = true, Checkpoint = CheckpointClass.Stop })
        .Add("crisis", new FakeInput { Words = 5, Risk = RiskLevel.Moderate, Negative = ["sad"], Locations = ["chest"], Topics = ["work"] })
        .Add("crisis high", new FakeInput { Words = 5, Risk = RiskLevel.High })
        .Add("crisis now", new FakeInput { Words = 5, Risk = RiskLevel.Immediate })
        .Add("safe", new FakeInput { Words = 3, Safety = SafetyAnswerClass.Safe })
        .Add("unsafe", new FakeInput { Words = 3, Safety = SafetyAnswerClass.Unsafe })
        .Add("unclear", new FakeInput { Words = 3, Safety = SafetyAnswerClass.Unclear })
        .Add("denial", new FakeInput { Words = 4, Risk = RiskLevel.Low, DenialNoted = true });

    internal TrtEngine Engine(IExemplarRetriever? retriever = null, ILlmAdvisor? llm = null) =>
        EngineHarness.WithFake(Fake, retriever, llm);

    internal static EngineState StateIn(string substate, QuestionKind pending, string sessionId = "rule-session")
    {
        var s = EngineState.Create(sessionId, EngineHarness.T0);
        s.CurrentSubstate = substate;
        s.LastQuestionKind = pending;
        s.TurnCount = 10;
        var c = s.Stage1Completion;
        c.GoalStated = c.VisionPresented = c.VisionAccepted = c.PsychoEducationProvided = c.EducationUnderstood = true;
        c.RapportEstablished = true;
        s.DesiredState = "calm";
        s.DesiredStatePhrase = "calm";
        if (substate is Substates.AssessReadiness or Substates.AlphaPermission or Substates.AlphaSequence)
        {
            s.ReadinessAsks = 1;
        }

        if (substate is Substates.AlphaPermission or Substates.AlphaSequence)
        {
            s.PermissionAsks = 1;
        }

        if (substate == Substates.AlphaSequence)
        {
            s.AlphaStarted = true;
            s.AlphaStep = AlphaStep.Jaw;
        }

        return s;
    }

    internal async Task<List<TurnResult>> RunAsync(EngineState start, params string[] inputs)
    {
        var (_, turns) = await EngineHarness.RunAsync(Engine(), start.SessionId, inputs, start);
        return turns;
    }

    internal static string Decision(TurnResult r) => r.Response.Navigation.Decision;

    internal static string Sub(TurnResult r) => r.Response.SessionProgress.CurrentSubstate;
}
