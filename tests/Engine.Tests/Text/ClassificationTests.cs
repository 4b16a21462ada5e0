using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Engine.Tests.Text;

public class ClassificationTests
{
    private static TextAnalysis A(string s, QuestionKind pending = QuestionKind.None) => Analyzer.Instance.Analyze(s, pending);

    private static CheckpointClass Cp(string s) => A(s, QuestionKind.AlphaCheckpoint).Checkpoint;

    [Theory]
    [InlineData("stop")]
    [InlineData("i want to stop")]
    [InlineData("can we stop, it feels calmer but i am scared")]
    public void Checkpoint_stop_first(string input) => Assert.Equal(CheckpointClass.Stop, Cp(input));

    [Theory]
    [InlineData("calmer")]
    [InlineData("more calm")]
    [InlineData("more relaxed")]
    [InlineData("better")]
    [InlineData("lighter")]
    [InlineData("easier")]
    [InlineData("looser")]
    [InlineData("less tense")]
    [InlineData("less tight")]
    [InlineData("not as tense")]
    [InlineData("A little calmer")]
    [InlineData("Calmer again")]
    [InlineData("Much more relaxed")]
    [InlineData("better, though still a bit tense")]   // comparative calm beats tense
    [InlineData("not tense")]                         // negated tense counts as comparative calm
    [InlineData("it is not worse")]
    [InlineData("less anxious now")]
    [InlineData("I noticed my shoulders dropped")]
    [InlineData("i feel sleepy")]
    public void Checkpoint_comparative_calm(string input) => Assert.Equal(CheckpointClass.Calm, Cp(input));

    [Theory]
    [InlineData("tense")]
    [InlineData("tenser")]
    [InlineData("tension")]
    [InlineData("tight")]
    [InlineData("tighter")]
    [InlineData("worse")]
    [InlineData("uncomfortable")]
    [InlineData("anxious")]
    [InlineData("weird")]
    [InlineData("strange")]
    [InlineData("restless")]
    [InlineData("agitated")]
    [InlineData("it feels odd, tighter")]
    [InlineData("still tight")]
    [InlineData("not calm")]                          // negated calm counts as tense
    [InlineData("less relaxed")]
    [InlineData("i do not feel any better")]
    [InlineData("calm but also weird")]               // tense beats plain calm
    [InlineData("I feel a bit dizzy")]
    [InlineData("i don't like this")]
    public void Checkpoint_tense(string input) => Assert.Equal(CheckpointClass.Tense, Cp(input));

    [Theory]
    [InlineData("calm")]
    [InlineData("relaxed")]
    [InlineData("peaceful")]
    [InlineData("settled")]
    [InlineData("good")]
    [InlineData("nice")]
    [InlineData("fine")]
    [InlineData("yes")]
    [InlineData("yeah okay")]
    [InlineData("sure, thank you")]
    [InlineData("not bad")]
    public void Checkpoint_plain_calm_or_bare_affirm(string input) => Assert.Equal(CheckpointClass.Calm, Cp(input));

    [Theory]
    [InlineData("same")]
    [InlineData("no change")]
    [InlineData("no difference")]
    [InlineData("neutral")]
    [InlineData("not sure")]
    [InlineData("i don't know")]
    [InlineData("not really")]
    [InlineData("about the same really")]
    [InlineData("ok, about the same")]
    [InlineData("still the same")]
    [InlineData("it's hard to tell")]
    [InlineData("nothing really")]
    [InlineData("hmm not much different")]
    public void Checkpoint_same(string input) => Assert.Equal(CheckpointClass.Same, Cp(input));

    [Theory]
    [InlineData("what should i do with my hands?")]
    [InlineData("hmm")]
    [InlineData("my dog is barking")]
    public void Checkpoint_unclear(string input) => Assert.Equal(CheckpointClass.Unclear, Cp(input));

    private static SafetyAnswerClass S(string s) => A(s, QuestionKind.Safety).SafetyAnswer;

    [Theory]
    [InlineData("i have a plan")]
    [InlineData("i can't promise")]
    [InlineData("i am safe but i have a plan")]
    [InlineData("i am not safe")]
    [InlineData("i do not feel safe")]
    [InlineData("i am not sure i am safe")]
    [InlineData("i do not know if i am safe")]
    public void Safety_row1_unsafe(string input) => Assert.Equal(SafetyAnswerClass.Unsafe, S(input));

    [Theory]
    [InlineData("i am safe")]
    [InlineData("i feel safe")]
    [InlineData("i am okay")]
    [InlineData("i'm fine")]
    [InlineData("i am alright")]
    [InlineData("i am good")]
    [InlineData("i am not in danger")]
    [InlineData("i am not going to do anything")]
    [InlineData("i am not suicidal")]
    [InlineData("i would never hurt myself")]
    [InlineData("someone is with me")]
    [InlineData("Yes, I'm safe. My partner is home with me.")]
    [InlineData("no, i am not going to do anything")]
    [InlineData("no, i won't do anything")]
    [InlineData("I'm at home with my mum")]
    [InlineData("safe")]
    [InlineData("i'm not okay but i'm safe")]
    public void Safety_row2_safe(string input) => Assert.Equal(SafetyAnswerClass.Safe, S(input));

    [Theory]
    [InlineData("no")]
    [InlineData("not really")]
    [InlineData("i am not okay")]
    [InlineData("not fine at all")]
    [InlineData("i don't know")]
    [InlineData("no idea")]
    [InlineData("maybe")]
    public void Safety_row3_unsafe(string input) => Assert.Equal(SafetyAnswerClass.Unsafe, S(input));

    [Theory]
    [InlineData("yes")]
    [InlineData("yes i am")]
    [InlineData("yeah")]
    [InlineData("yep, thanks")]
    public void Safety_row4_bare_affirm_is_safe(string input) => Assert.Equal(SafetyAnswerClass.Safe, S(input));

    [Theory]
    [InlineData("yes, but i am scared")]
    [InlineData("I'd rather talk about work")]
    [InlineData("my chest is tight")]
    [InlineData("...")]
    [InlineData("")]
    public void Safety_row5_unclear(string input) => Assert.Equal(SafetyAnswerClass.Unclear, S(input));

    [Theory]
    [InlineData("I want to feel calmer", "goal_statement")]
    [InlineData("i need help", "goal_statement")]
    [InlineData("i would like some peace", "goal_statement")]
    [InlineData("less anxious", "goal_statement")]
    [InlineData("i used to be happy", "goal_statement")]
    [InlineData("the problem is my boss", "problem_description")]
    [InlineData("it has been hard", "problem_description")]
    [InlineData("i can not sleep", "problem_description")]
    [InlineData("i feel awful", "feeling_statement")]
    [InlineData("i am really anxious", "feeling_statement")]
    [InlineData("feeling low", "feeling_statement")]
    [InlineData("what is this for?", "question")]
    [InlineData("how long does it take", "question")]
    [InlineData("this is for me?", "question")]
    [InlineData("yes", "affirmation")]
    [InlineData("yeah, that is it", "affirmation")]
    [InlineData("hi", "greeting")]
    [InlineData("hello there", "greeting")]
    [InlineData("good morning", "greeting")]
    [InlineData("Hi. I've been on edge for weeks.", "greeting")]
    [InlineData("the weather was nice", "general_statement")]
    [InlineData("don't know", "general_statement")]
    public void Input_category(string input, string expected) => Assert.Equal(expected, A(input).InputCategory);

    [Fact]
    public void Input_category_never_depends_on_the_pending_question() =>
        Assert.Equal(A("peace").InputCategory, A("peace", QuestionKind.Goal).InputCategory);

    [Theory]
    [InlineData("is it normal?", true)]
    [InlineData("why does this happen", true)]
    [InlineData("could we do it later", true)]
    [InlineData("i wonder", false)]
    [InlineData("do not know", false)]
    [InlineData("is not that odd", false)]
    [InlineData("really? \uD83D\uDE22", true)]
    [InlineData("(is that normal?)", true)]
    [InlineData("really? no. fine.", false)]
    [InlineData("when i see my boss my chest gets tight", false)]
    [InlineData("what i want is peace", false)]
    [InlineData("when i see my boss?", true)]
    [InlineData("what it is like", true)]
    public void Is_question(string input, bool expected) => Assert.Equal(expected, A(input).IsQuestion);
}
