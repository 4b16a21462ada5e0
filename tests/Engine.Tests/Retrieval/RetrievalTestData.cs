using TrtOrleans.Therapy.Contracts;
using TrtOrleans.Therapy.Retrieval;

namespace TrtOrleans.Engine.Tests.Retrieval;

/// <summary>Shared inputs: one realistic, new client line per rag_query (corrected form: lower case, contractions
/// expanded), none identical to a corpus client_text.</summary>
internal static class RetrievalTestData
{
    public static readonly IReadOnlyDictionary<string, string> NewInputs = new Dictionary<string, string>
    {
        [RagQueries.GoalClarification] = "hello, i am not sure where to begin, my doctor thought talking to someone might help",
        [RagQueries.RedirectOutcome] = "my boss keeps giving me more and more work and i have not had a break in weeks",
        [RagQueries.FutureSelfVision] = "i just want to feel calm and relaxed again",
        [RagQueries.ProblemConstruction] = "yes, that picture sounds like exactly what i want",
        [RagQueries.BodySymptomPresentMoment] = "mostly it is work, there is far too much to do every day",
        [RagQueries.BodyLocation] = "i get really anxious before meetings with my manager",
        [RagQueries.Sensation] = "it is mostly in my chest",
        [RagQueries.PresentMoment] = "it is tight, like a band squeezing around me",
        [RagQueries.HowDoYouKnow] = "yes, i can feel it right now as we talk",
        [RagQueries.GeneralApproach] = "i have always been the one holding everything together for everyone",
        [RagQueries.Ready] = "i know it is starting when my jaw clenches and my shoulders go up",
        [RagQueries.TransitionToIntervention] = "no, i think that is everything i wanted to say",
    };

    public static IEnumerable<object[]> EachRagQuery() => RagQueries.All.Select(q => new object[] { q });

    public static ExemplarCorpus Shipped() => ExemplarCorpus.Load();

    public static Exemplar Record(string id, string client, string therapist, string ragQuery, params string[] tags) =>
        new(id, therapist, client, null, null, null, [ragQuery], tags.Length == 0 ? ["verbatim_ok", "source:project"] : tags);
}
