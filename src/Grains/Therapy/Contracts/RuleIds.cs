namespace TrtOrleans.Therapy.Contracts;

/// <summary>The written form of a <see cref="RuleId"/> ("R12/S4", "R31-5/N2", "G4a").</summary>
public static class RuleIds
{
    public static string Text(this RuleId rule)
    {
        var name = rule.ToString();
        if (name.StartsWith("R12_", StringComparison.Ordinal))
        {
            return "R12/" + name[4..];
        }

        return rule == RuleId.R31_5_N2 ? "R31-5/N2" : name.Replace('_', '-');
    }
}
