using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Engine.Tests.Engine;

/// <summary>§8 transitions and §9 rules on hand-built detector results.</summary>
public sealed class TransitionTests : RuleTestBase
{
    private static string Rule(TurnResult r) => r.Response.Navigation.Rule.Text();

    [Fact]
    public async Task VagueGoalIsRefinedOnceThenPresented()
    {
        Fake.Add("better goal", new FakeInput { GoalLabel = "vague", GoalPhrase = "better" });
        var turns = await RunAsync(EngineState.Create("refine", EngineHarness.T0), "better goal", "plain", "yes");
        Assert.Equal(["R11-5", "R11-6", "R115-1"], turns.Select(Rule));
        Assert.Contains("better", turns[0].Response.TherapistResponse);
        Assert.Equal("lighter and more at ease", turns[1].State.DesiredStatePhrase);
        Assert.False(turns[1].State.GoalVague);
        Assert.Equal(QuestionKind.VisionCheck, turns[1].State.LastQuestionKind);
        Assert.Contains("lighter and more at ease", turns[1].Response.TherapistResponse);
    }

    [Fact]
    public async Task ConfusionGetsOneSimplerExplanationThenMovesOn()
    {
        var start = StateIn(Substates.PsychoEducation, QuestionKind.EducationCheck);
        start.Stage1Completion.EducationUnderstood = false;
        var turns = await RunAsync(start, "confused", "confused");
        Assert.Equal(["R115-2", "R12/S2a"], turns.Select(Rule));
        Assert.Equal(1, turns[0].State.PsychoEducationRepeats);
        Assert.False(turns[1].State.Stage1Completion.EducationUnderstood);
        Assert.Equal(Substates.ProblemAndBody, Sub(turns[1]));
    }

    [Fact]
    public async Task EntryTurnOf12CanChainOnTo31WhenTheChecklistIsDone()
    {
        var start = StateIn(Substates.PsychoEducation, QuestionKind.EducationCheck);
        start.Cycle = new BodyCycle { Focus = "work", LocationGiven = true, SensationGiven = true };
        start.BodyEnquiryCycles = 2;
        start.Stage1Completion.PresentMomentFocus = true;
        start.Stage1Completion.ProblemIdentified = true;
        start.PatternInquiryAsked = true;
        var turns = await RunAsync(start, "yes");
        Assert.Equal(Substates.AssessReadiness, Sub(turns[0]));
        Assert.Equal("R31-1", Rule(turns[0]));
        var moves = turns[0].State.CompletionEvents.Where(e => e.Event == "substate_advanced").Select(e => e.Detail).ToList();
        Assert.Equal([$"{Substates.PsychoEducation} -> {Substates.ProblemAndBody} (education_answered)",
            $"{Substates.ProblemAndBody} -> {Substates.AssessReadiness} (checklist_done)"], moves);
    }

    [Fact]
    public async Task NothingMoreWithBodyAwarenessLeaves12AsClientDone()
    {
        var start = StateIn(Substates.ProblemAndBody, QuestionKind.Sensation);
        start.Cycle = new BodyCycle { Focus = "it", LocationGiven = true, LocationAsks = 1 };
        start.Stage1Completion.BodyAwarenessPresent = true;
        var turns = await RunAsync(start, "nothing more");
        Assert.Equal(Substates.AssessReadiness, Sub(turns[0]));
        Assert.Contains(turns[0].State.CompletionEvents, e => e.Detail.EndsWith("(client_done)"));
    }

    [Fact]
    public async Task SelectorWalksLocationSensationPresentAndPattern()
    {
        var start = StateIn(Substates.ProblemAndBody, QuestionKind.Problem);
        start.ProblemQuestionAsked = true;
        Fake.Add("tight", new FakeInput { Words = 1, Sensations = ["tight"] });
        Fake.Add("present", new FakeInput { Present = true });
        var turns = await RunAsync(start, "anxious", "chest", "tight", "present");
        Assert.Equal(["R12/S3", "R12/S4", "R12/S5", "R31-1"], turns.Select(Rule));

        var withProblem = StateIn(Substates.ProblemAndBody, QuestionKind.Problem);
        withProblem.ProblemQuestionAsked = true;
        var patternTurns = await RunAsync(withProblem, "work", "anxious", "chest", "tight", "present", "plain");
        Assert.Equal(["R12/S2b", "R12/S3", "R12/S4", "R12/S5", "R12/S6", "R31-1"], patternTurns.Select(Rule));
        Assert.Equal(QuestionKind.Pattern, patternTurns[4].State.LastQuestionKind);
        Assert.Equal("anxious", turns[0].State.Cycle!.Focus);
        Assert.Contains("anxious", turns[0].Response.TherapistResponse);
        Assert.Contains("chest", turns[1].Response.TherapistResponse);
        Assert.True(turns[3].State.Stage1Completion.PresentMomentFocus);
    }

    [Fact]
    public async Task NewEmotionAfterALocationStartsCycleTwoIn12()
    {
        var start = StateIn(Substates.ProblemAndBody, QuestionKind.Sensation);
        start.Cycle = new BodyCycle { Focus = "work", LocationGiven = true, LocationAsks = 1 };
        start.BodyEnquiryCycles = 1;
        var turns = await RunAsync(start, "anxious");
        Assert.Equal(2, turns[0].State.BodyEnquiryCycles);
        Assert.Equal("anxious", turns[0].State.Cycle!.Focus);
        Assert.Equal("R12/S3", Rule(turns[0]));
    }

    [Fact]
    public async Task CycleTwoIn31AsksWhereThenWhatAndThenReadiness()
    {
        Fake.Add("tight", new FakeInput { Words = 1, Sensations = ["tight"] });
        var start = StateIn(Substates.AssessReadiness, QuestionKind.Readiness);
        start.BodyEnquiryCycles = 1;
        var turns = await RunAsync(start, "anxious", "chest", "tight");
        Assert.Equal(["R31-2", "R31-3", "R31-5"], turns.Select(Rule));
        Assert.All(turns.Take(2), t => Assert.Equal("body_enquiry_cycle_2", t.Response.Navigation.SituationType));
        Assert.Equal(2, turns[0].State.BodyEnquiryCycles);
        Assert.Equal(Substates.AssessReadiness, Sub(turns[2]));
    }

    [Fact]
    public async Task AnswerToACycleTwoQuestionThatSaysNothingMoreMovesToPermission()
    {
        var start = StateIn(Substates.AssessReadiness, QuestionKind.Readiness);
        var turns = await RunAsync(start, "anxious", "nothing more");
        Assert.Equal("R31-2", Rule(turns[0]));
        Assert.Equal(Substates.AlphaPermission, Sub(turns[1]));
    }

    [Fact]
    public async Task YesThereIsSomethingInvitesItOpenly()
    {
        var start = StateIn(Substates.AssessReadiness, QuestionKind.Readiness);
        start.ReadinessAsks = 1;
        var turns = await RunAsync(start, "yes", "plain", "plain");
        Assert.Equal(["R31-4", "R31-5", "R315-1"], turns.Select(Rule));
        Assert.Equal("general_inquiry", Decision(turns[0]));
        Assert.Equal(QuestionKind.Open, turns[0].State.LastQuestionKind);
        Assert.Equal(1, turns[0].State.GeneralInquiryStreak);
        Assert.Equal(0, turns[1].State.GeneralInquiryStreak);
    }

    [Fact]
    public async Task ConsentWithADeclineIsNotConsent()
    {
        Fake.Add("okay but not now", new FakeInput { Affirm = true, Consent = true, Decline = true });
        var turns = await RunAsync(StateIn(Substates.AlphaPermission, QuestionKind.Permission), "okay but not now", "plain");
        Assert.Equal(["R315-2", "R315-2"], turns.Select(Rule));
        Assert.Equal(1, turns[0].State.PermissionDeclines);
        Assert.Equal(Substates.AlphaPermission, Sub(turns[1]));
        Assert.Equal(3, turns[1].State.PermissionAsks);
    }

    [Fact]
    public async Task StateIsNotReadFromTheTherapistsReplyAndNextStateMatches()
    {
        var turns = await RunAsync(EngineState.Create("n", EngineHarness.T0), "calm goal", "yes", "yes", "plain");
        Assert.All(turns, t => Assert.Equal(t.State.CurrentSubstate, t.Response.Navigation.NextState));
        Assert.All(turns, t => Assert.Equal(t.State.CurrentSubstate, t.Exchange.Substate));
        Assert.All(turns, t => Assert.Equal(t.Response.Navigation.RagQuery, t.Exchange.RagQuery));
        Assert.True(turns[^1].State.ProblemQuestionAsked);
    }

    [Fact]
    public async Task YesOrNoToThePresentMomentQuestionIsNotAnUnproductiveBodyAnswer()
    {
        var start = StateIn(Substates.ProblemAndBody, QuestionKind.PresentMoment);
        start.Cycle = new BodyCycle { Focus = "it", LocationGiven = true, SensationGiven = true };
        start.BodyLocations = ["chest"];
        start.PresentMomentAsks = 1;
        var yes = await RunAsync(start, "yes");
        Assert.Equal(0, yes[0].State.BodyQuestionCount);
        Assert.True(yes[0].State.Stage1Completion.PresentMomentFocus);
        var no = await RunAsync(start, "no");
        Assert.Equal(0, no[0].State.BodyQuestionCount);
        Assert.False(no[0].State.Stage1Completion.PresentMomentFocus);
        var other = await RunAsync(start, "plain");
        Assert.Equal(1, other[0].State.BodyQuestionCount);
    }

    [Fact]
    public async Task PastTenseOutsideProblemAndBodyIsNotRedirected()
    {
        var turns = await RunAsync(EngineState.Create("past-11", EngineHarness.T0), "past");
        Assert.Equal("clarify_goal", Decision(turns[0]));
        Assert.Equal(0, turns[0].State.PastRedirects);
    }

    [Fact]
    public async Task SafeAnswerDuringCycleTwoReasksTheBodyQuestion()
    {
        var start = StateIn(Substates.AssessReadiness, QuestionKind.BodyLocation);
        start.Cycle = new BodyCycle { Focus = "anxious", LocationAsks = 1 };
        start.BodyEnquiryCycles = 2;
        var turns = await RunAsync(start, "crisis", "safe");
        Assert.Equal(QuestionKind.BodyLocation, turns[1].State.LastQuestionKind);
        Assert.Equal(1, turns[1].State.Cycle!.LocationAsks);
    }

    [Fact]
    public async Task TheCrisisCheckOfATurnIsTheAnalyzersDetector()
    {
        var turns = await RunAsync(StateIn(Substates.GoalAndVision, QuestionKind.Goal), "crisis high");
        Assert.Equal("high", turns[0].Response.Safety.RiskLevel);
        Assert.True(turns[0].Response.Safety.Crisis);
    }
}
