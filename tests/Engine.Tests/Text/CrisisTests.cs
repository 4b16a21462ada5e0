using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Engine.Tests.Text;

public class CrisisTests
{
    private static CrisisAnalysis C(string s) => Analyzer.Instance.DetectCrisis(s);

    [Theory]
    [InlineData("i took all my pills")]
    [InlineData("i am going to take all of the pills")]
    [InlineData("thinking of swallowing a lot of tablets")]
    [InlineData("i just took too many pills")]
    [InlineData("i will jump off a bridge")]
    [InlineData("i want to jump off the roof")]
    [InlineData("i could hang myself")]
    [InlineData("i want to slit my wrists")]
    [InlineData("i wrote a suicide note")]
    [InlineData("im going to jump of a bridge")]
    [InlineData("thinking about ending my life tonite")]
    [InlineData("i wrote my note")]
    [InlineData("i said goodbye to everyone")]
    [InlineData("i have the pills ready")]
    [InlineData("i have the rope ready")]
    [InlineData("i have the gun ready")]
    [InlineData("i took 20 pills")]
    [InlineData("i swallowed a handful of tablets")]
    [InlineData("i took all my sleeping pills")]
    public void Immediate_tier_alone(string input) => Assert.Equal(RiskLevel.Immediate, C(input).Risk);

    [Theory]
    [InlineData("i want to kill myself")]
    [InlineData("sometimes i think about killing myself")]
    [InlineData("i think i should end my life")]
    [InlineData("i might take my own life")]
    [InlineData("i have thought about suicide")]
    [InlineData("i feel suicidal")]
    [InlineData("i just want to end it all")]
    [InlineData("i want to die")]
    [InlineData("i really want to just die")]
    [InlineData("i wish i was dead")]
    [InlineData("i wish i were dead")]
    [InlineData("i would be better off dead")]
    [InlineData("i would rather be dead")]
    [InlineData("i am ready to die")]
    [InlineData("i do not want to live")]
    [InlineData("i don't want to be alive")]
    [InlineData("there is no reason to live")]
    [InlineData("i want to hurt myself")]
    [InlineData("i feel like harming myself")]
    [InlineData("i have the urge to cut myself")]
    [InlineData("i keep thinking about hurting myself")]
    [InlineData("i have been cutting myself")]
    [InlineData("i self-harm")]
    [InlineData("i thought about an overdose")]
    [InlineData("no i want to die")]
    [InlineData("i can not stop cutting myself")]
    [InlineData("i cant stop hurting myself")]
    [InlineData("kms")]
    [InlineData("i want to kil myslef")]
    [InlineData("i might unalive myself")]
    [InlineData("suicde")]
    [InlineData("i want to really hurt myself")]
    [InlineData("i want to be dead")]
    [InlineData("i deserve to die")]
    [InlineData("i wanted to die last night")]
    [InlineData("i wish i was ded")]
    [InlineData("i wanna kil my self")]
    [InlineData("im sucidal")]
    public void High_tier(string input) => Assert.Equal(RiskLevel.High, C(input).Risk);

    [Theory]
    [InlineData("i can not go on")]
    [InlineData("i can't go on like this")]
    [InlineData("i can not go on anymore")]
    [InlineData("there is no reason to go on")]
    [InlineData("there is no point in living")]
    [InlineData("what is the point of anything")]
    [InlineData("i just want to disappear")]
    [InlineData("i wish i could just disappear")]
    [InlineData("they would be better off without me")]
    [InlineData("i am a burden")]
    [InlineData("i do not want to wake up")]
    [InlineData("i never want to wake up again")]
    [InlineData("i wish i would not wake up tomorrow")]
    [InlineData("i wish i had never been born")]
    [InlineData("i wish i was never born")]
    [InlineData("i am tired of living")]
    [InlineData("i am so tired of life")]
    [InlineData("i do not want to exist")]
    [InlineData("lately i keep thinking it'd be easier to not exist")]
    [InlineData("i could not exist and nobody would care")]
    [InlineData("i want to stop existing")]
    [InlineData("i can not be here anymore")]
    [InlineData("i don't want to be around anymore")]
    [InlineData("i want to give up on life")]
    [InlineData("i should just end it")]
    [InlineData("i might hurt myself")]
    [InlineData("i harm myself sometimes")]
    [InlineData("nobody would miss me")]
    [InlineData("i have been thinking about ending it")]
    [InlineData("i can not see the point in living")]
    [InlineData("life is not worth living")]
    [InlineData("i just want to sleep forever")]
    [InlineData("i want to go to sleep and not wake up")]
    [InlineData("they would be better off if i was gone")]
    public void Moderate_tier(string input) => Assert.Equal(RiskLevel.Moderate, C(input).Risk);

    [Theory]
    [InlineData("i can not cope")]
    [InlineData("i can't take it anymore")]
    [InlineData("i can not take this anymore")]
    [InlineData("everything is falling apart")]
    [InlineData("i had a panic attack")]
    [InlineData("i am losing control")]
    [InlineData("i feel hopeless")]
    public void Low_tier_is_not_a_crisis(string input)
    {
        var c = C(input);
        Assert.Equal(RiskLevel.Low, c.Risk);
        Assert.False(c.Detected);
    }

    [Theory]
    [InlineData("i want to kill myself tonight")]
    [InlineData("i am going to kill myself")]
    [InlineData("i want to die right now")]
    [InlineData("i have a plan to end my life")]
    [InlineData("i planned to hurt myself this weekend")]
    [InlineData("i am about to end it all")]
    [InlineData("today i want to disappear")]
    public void Immediacy_marker_upgrades_moderate_or_higher(string input) => Assert.Equal(RiskLevel.Immediate, C(input).Risk);

    [Theory]
    [InlineData("tonight")]
    [InlineData("today")]
    [InlineData("right now")]
    [InlineData("now")]
    [InlineData("this evening")]
    [InlineData("this weekend")]
    [InlineData("i am about to")]
    [InlineData("i am going to")]
    [InlineData("i plan")]
    [InlineData("it is planned")]
    [InlineData("i am planning it")]
    [InlineData("i have a plan")]
    public void Each_immediacy_marker_upgrades(string marker) =>
        Assert.Equal(RiskLevel.Immediate, C("i wish i was dead. " + marker).Risk);

    [Theory]
    [InlineData("i can not cope today")]
    [InlineData("i am not suicidal right now")]
    public void Immediacy_marker_does_not_upgrade_low(string input) => Assert.Equal(RiskLevel.Low, C(input).Risk);

    [Fact]
    public void Negated_immediacy_marker_does_not_upgrade() =>
        Assert.Equal(RiskLevel.High, C("i want to die but not now").Risk);

    [Theory]
    [InlineData("i am not suicidal", "not suicidal")]
    [InlineData("i would never kill myself", "would never kill myself")]
    [InlineData("i am not going to hurt myself", "not going to hurt myself")]
    [InlineData("i would not harm myself", "would not harm myself")]
    [InlineData("i will not cut myself", "will not cut myself")]
    [InlineData("i do not want to die", "do not want to die")]
    [InlineData("no thoughts of suicide", "no thoughts of suicide")]
    [InlineData("no thoughts of self harm", "no thoughts of self harm")]
    [InlineData("no thoughts of hurting myself", "no thoughts of hurting myself")]
    public void Denials_are_low_and_listed(string input, string phrase)
    {
        var c = C(input);
        Assert.Equal(RiskLevel.Low, c.Risk);
        Assert.False(c.Detected);
        Assert.True(c.DenialNoted);
        Assert.Contains(phrase, c.PhrasesFound);
    }

    [Theory]
    [InlineData("i have never been suicidal", "suicidal")]
    [InlineData("i don't really want to die", "want to die")]
    [InlineData("not that i am a burden", "i am a burden")]
    public void Negated_cue_of_moderate_or_higher_is_low_and_listed(string input, string phrase)
    {
        var c = C(input);
        Assert.Equal(RiskLevel.Low, c.Risk);
        Assert.Contains(phrase, c.PhrasesFound);
    }

    [Theory]
    [InlineData("i am not hopeless")]
    [InlineData("i never had a panic attack")]
    public void Negated_low_cue_is_nothing(string input)
    {
        var c = C(input);
        Assert.Equal(RiskLevel.None, c.Risk);
        Assert.Empty(c.PhrasesFound);
    }

    [Theory]
    [InlineData("this week is killing me")]
    [InlineData("i am dying to see them")]
    [InlineData("i am dead on my feet")]
    [InlineData("my car died")]
    [InlineData("i need to kill some time")]
    [InlineData("i will spend it")]
    [InlineData("i will attend it")]
    [InlineData("i recommend it all")]
    [InlineData("self harmony")]
    [InlineData("my studies are hard")]
    [InlineData("my brother once tried to hurt himself")]
    [InlineData("she said she wanted to kill herself")]
    [InlineData("i want the pain to disappear")]
    [InlineData("i do not want to live in this city")]
    [InlineData("i do not want to live with my parents")]
    [InlineData("i want to end it with him")]
    [InlineData("we should end it between us")]
    [InlineData("i do not want to wake up early")]
    [InlineData("i can not go on the trip")]
    [InlineData("i was cutting myself a slice of cake")]
    [InlineData("i am cutting myself some slack")]
    [InlineData("i want to cut myself off from them")]
    [InlineData("before i go to work")]
    [InlineData("i took 2 aspirin for my headache")]
    [InlineData("i am thinking about ending it with him")]
    public void Idioms_and_substrings_are_no_cue(string input) => Assert.Equal(RiskLevel.None, C(input).Risk);

    [Theory]
    [InlineData("i cut myself by accident")]
    [InlineData("i accidentally hurt myself")]
    [InlineData("i cut myself while shaving")]
    [InlineData("i hurt myself when i fell")]
    [InlineData("i hurt myself at the gym")]
    [InlineData("i hurt myself playing football")]
    [InlineData("i cut myself cooking")]
    [InlineData("i cut myself chopping onions")]
    [InlineData("i hurt myself on the stairs")]
    [InlineData("i keep cutting myself while cooking")]
    public void Accident_context_voids_harm_forms(string input) => Assert.Equal(RiskLevel.None, C(input).Risk);

    [Theory]
    [InlineData("i cut myself while home alone")]        // `while` + non -ing word is no accident context
    [InlineData("i want to cut myself while cooking")]   // a lead-in is never voided
    [InlineData("i am thinking about hurting myself at the gym")]
    public void Accident_context_exceptions(string input) => Assert.True(C(input).Detected);

    [Fact]
    public void Crisis_in_another_clause_is_not_negated()
    {
        Assert.Equal(RiskLevel.High, C("no. i want to die").Risk);
        Assert.Equal(RiskLevel.High, C("i am not okay, i want to kill myself").Risk);
    }

    [Fact]
    public void Reports_cue_ids_and_corrected_phrases()
    {
        var c = C("i want to kil myslef");
        Assert.Equal(["kill myself"], c.PhrasesFound);
        Assert.Equal(["crisis.kill_myself"], c.CueIds);
    }

    [Fact]
    public void Analyze_and_DetectCrisis_agree()
    {
        const string input = "I'd rather be dead tonight";
        Assert.Equal(C(input), Analyzer.Instance.Analyze(input, QuestionKind.None).Crisis, new CrisisComparer());
    }

    private sealed class CrisisComparer : IEqualityComparer<CrisisAnalysis>
    {
        public bool Equals(CrisisAnalysis? x, CrisisAnalysis? y) =>
            x!.Risk == y!.Risk && x.PhrasesFound.SequenceEqual(y.PhrasesFound) && x.CueIds.SequenceEqual(y.CueIds) && x.DenialNoted == y.DenialNoted;

        public int GetHashCode(CrisisAnalysis obj) => obj.Risk.GetHashCode();
    }
}
