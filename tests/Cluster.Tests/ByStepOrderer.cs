using Xunit.Sdk;

namespace TrtOrleans.Cluster.Tests;

/// <summary>Runs the test cases of a class by their <see cref="StepAttribute"/> number.</summary>
public sealed class ByStepOrderer : ITestCaseOrderer
{
    public const string TypeName = "TrtOrleans.Cluster.Tests.ByStepOrderer";
    public const string AssemblyName = "TrtOrleans.Cluster.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases.OrderBy(t => Step(t)).ThenBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal);

    private static int Step(ITestCase testCase) =>
        testCase.TestMethod.Method.GetCustomAttributes(typeof(StepAttribute).AssemblyQualifiedName)
            .Select(a => (int)a.GetConstructorArguments().First())
            .DefaultIfEmpty(int.MaxValue)
            .First();
}
