namespace TrtOrleans.Cluster.Tests;

/// <summary>Position of a scenario in <see cref="ByStepOrderer"/>: the scenarios share one cluster, and the order is
/// chosen so that each starts from a known topology.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StepAttribute(int number) : Attribute
{
    public int Number { get; } = number;
}
