using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>Picks the navigator of the substate the turn started in: one navigator per substate.</summary>
internal static class Navigators
{
    public static TurnOutline Navigate(TurnScope t, bool goalChanged)
    {
        var (plan, point) = t.F.StartSubstate switch
        {
            Substates.GoalAndVision => (GoalNavigator.Navigate(t, goalChanged), LlmPoint.None),
            Substates.PsychoEducation => (EducationNavigator.Navigate(t), LlmPoint.None),
            Substates.ProblemAndBody => ProblemBodyNavigator.Navigate(t),
            Substates.AssessReadiness => ReadinessNavigator.Navigate(t),
            Substates.AlphaPermission => (PermissionNavigator.Navigate(t), LlmPoint.None),
            Substates.AlphaSequence => (AlphaNavigator.Navigate(t), LlmPoint.None),
            _ => (ClosedNavigator.Navigate(t), LlmPoint.None),
        };
        return new TurnOutline(plan) { GoalChanged = goalChanged, Point = point };
    }
}
