using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>The body question kinds: answers to them count toward the body-question limit.</summary>
internal static class BodyKinds
{
    public static bool IsBodyKind(QuestionKind kind) => kind is QuestionKind.BodyEntry or QuestionKind.BodyLocation
        or QuestionKind.Sensation or QuestionKind.PresentMoment or QuestionKind.Redirect;
}
