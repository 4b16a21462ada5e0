using System.Reflection;
using NetArchTest.Rules;

namespace TrtOrleans.Gateway.Tests;

/// <summary>The gateway talks to the cluster through grain interfaces only. Its project references make the grain
/// classes and the engine visible (Gateway → Silo → Grains → Therapy, for the embedded developer silo), so this test
/// is what keeps the gateway from using them.</summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Gateway = typeof(Program).Assembly;
    private static readonly Assembly Silo = Assembly.Load("TrtOrleans.Silo");
    private static readonly Assembly Grains = Assembly.Load("TrtOrleans.Grains");

    /// <summary>Every type of the grains assembly (grain classes, storage, the session pipeline) and the whole engine.
    /// Named type by type because the allowed TrtOrleans.Grains.Interfaces namespace shares the prefix.</summary>
    private static string[] Forbidden() =>
    [
        "TrtOrleans.Therapy",
        .. Grains.GetTypes()
            .Where(t => t.FullName is { } name && !name.Contains('<') && !name.Contains('+'))
            .Select(t => t.FullName!),
    ];

    [Fact]
    public void TheGatewayUsesNeitherGrainClassesNorEngineTypes()
    {
        var result = Types.InAssembly(Gateway).ShouldNot().HaveDependencyOnAny(Forbidden()).GetResult();
        Assert.True(result.IsSuccessful,
            "Gateway types using grain classes or engine types: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void TheRuleCatchesAUseOfGrainClasses()
    {
        // The silo host registers the grains and the engine, so the same rule must fail on it: the rule is not vacuous.
        var result = Types.InAssembly(Silo).ShouldNot().HaveDependencyOnAny(Forbidden()).GetResult();
        Assert.False(result.IsSuccessful);
    }

    [Fact]
    public void TheGatewayNeverNamesAGrainClassInAString()
    {
        var names = Grains.GetTypes().Where(t => t.Name.EndsWith("Grain", StringComparison.Ordinal)).Select(t => t.Name).ToList();
        Assert.Contains("SessionGrain", names);
        var source = Path.Combine(RepoRoot(), "src", "Gateway");
        var offending = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => names.Any(n => File.ReadAllText(f).Contains($"\"{n}\"", StringComparison.Ordinal)))
            .ToList();
        Assert.Empty(offending);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TrtOrleans.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
