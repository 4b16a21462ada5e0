namespace TrtOrleans.Therapy.Contracts;

/// <summary>The navigation rule that produced a turn's plan (docs/engine.md "Rule ids"). Reported typed in
/// <see cref="NavigationReport.Rule"/> and as text (<see cref="RuleIds.Text"/>) at the start of
/// <c>navigation.reasoning</c>. Underscores stand for the '-' and '/' of the written id.</summary>
public enum RuleId
{
    G1, G2, G3, G4a, G4b, G5,
    R11_1, R11_2, R11_3, R11_4, R11_5, R11_6,
    R115_1, R115_2,
    R12_S2a, R12_S2b, R12_S3, R12_S4, R12_S5, R12_S6, R12_N1,
    R31_1, R31_2, R31_3, R31_4, R31_5, R31_5_N2,
    R315_1, R315_2,
    R32,
    R40_1, R40_2, R40_3, R40_4,

    /// <summary>Leave-taking closes the session (amendment A7).</summary>
    A7,
}
