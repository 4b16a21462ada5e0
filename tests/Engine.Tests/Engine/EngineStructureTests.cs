using System.Reflection;
using System.Runtime.CompilerServices;
using TrtOrleans.Therapy.Engine;

namespace TrtOrleans.Engine.Tests.Engine;

/// <summary>The turn pipeline stays readable: small files, and stages that pass values instead of sharing mutable
/// fields (docs/engine.md "The turn pipeline").</summary>
public sealed class EngineStructureTests
{
    [Fact]
    public void NoEngineSourceFileIsOver300Lines()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "TrtOrleans.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        // The whole engine library: pipeline, text analysis, retrieval and LLM code alike.
        var engine = Path.Combine(root.FullName, "src", "Grains", "Therapy");
        var tooLong = Directory.EnumerateFiles(engine, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(engine, f).Split(Path.DirectorySeparatorChar).Any(d => d is "bin" or "obj"))
            .Select(f => (File: Path.GetRelativePath(engine, f), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > 300)
            .ToList();
        Assert.Empty(tooLong);
    }

    [Fact]
    public void EngineTypesHoldNoWritableInstanceFields()
    {
        var writable = typeof(TrtEngine).Assembly.GetTypes()
            // EngineOptions is bound from configuration by the host before the engine exists, never written by a turn.
            .Where(t => t.Namespace == typeof(TrtEngine).Namespace && !t.IsEnum && t != typeof(EngineOptions)
                && t.GetCustomAttribute<CompilerGeneratedAttribute>() is null)
            .SelectMany(t => t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(f => !f.IsInitOnly && !f.IsLiteral)
                .Select(f => $"{t.Name}.{f.Name}"))
            .ToList();
        Assert.Empty(writable);
    }
}
