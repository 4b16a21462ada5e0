using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;

namespace TrtOrleans.Gateway.Tests.Configuration;

/// <summary>docs/configuration.md documents every setting the programs read: each property of each options class
/// (its key and its environment variable), and every key read from configuration directly in the sources.</summary>
public sealed partial class ConfigurationDocsTests
{
    private static readonly string Doc = File.ReadAllText(RepoPaths.Combine("docs", "configuration.md"));

    /// <summary>Options classes bound without a Section constant, and the sections they are bound from.</summary>
    private static readonly Dictionary<string, string[]> Sections = new()
    {
        ["OllamaOptions"] = ["Ollama", "Llm"],
        ["EngineOptions"] = ["Safety", "Llm"],
        ["EncryptionOptions"] = ["Storage:Encryption"],
    };

    /// <summary>Properties bound by hand under another name.</summary>
    private static readonly Dictionary<string, string> Renamed = new()
    {
        ["EngineOptions.LlmTurnBudgetSeconds"] = "Llm:TurnBudgetSeconds",
    };

    public static IEnumerable<object[]> OptionsClasses() =>
        new[] { typeof(Program).Assembly, typeof(Silo.Hosting.ClusterSettings).Assembly, typeof(Grains.SessionOptions).Assembly, typeof(Therapy.Engine.EngineOptions).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsPublic: true, IsAbstract: false } && (t.Name.EndsWith("Options", StringComparison.Ordinal) || t.Name.EndsWith("Settings", StringComparison.Ordinal)))
            .Where(t => t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => new object[] { t.FullName! });

    [Fact]
    public void The_options_classes_are_found()
    {
        var names = OptionsClasses().Select(o => ((string)o[0]).Split('.').Last()).ToList();
        Assert.Superset(new HashSet<string> { "ClusterSettings", "SessionOptions", "OllamaOptions", "RetrievalOptions", "EngineOptions", "AuthSettings", "ClientLimitSettings" }, names.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(OptionsClasses))]
    public void Every_bound_property_is_documented_with_its_environment_variable(string typeName)
    {
        var type = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(typeName)).First(t => t is not null)!;
        var sections = SectionsOf(type);
        var missing = new List<string>();
        foreach (var property in Bindable(type))
        {
            var keys = Renamed.TryGetValue($"{type.Name}.{property.Name}", out var renamed)
                ? [renamed]
                : sections.Select(s => $"{s}:{property.Name}").ToArray();
            var itemType = property.PropertyType.IsGenericType && typeof(IEnumerable).IsAssignableFrom(property.PropertyType)
                ? property.PropertyType.GetGenericArguments()[0]
                : null;
            if (itemType is { IsClass: true } && itemType != typeof(string))
            {
                // A list of objects: each entry's properties, as Section:List:N:Property.
                foreach (var item in Bindable(itemType))
                {
                    Check(keys.Select(k => $"{k}:N:{item.Name}").ToArray(), keys.Select(k => Env(k) + "__0__" + item.Name).ToArray(), missing);
                }
            }
            else if (IsOptionsClass(property.PropertyType))
            {
                // A nested options object (Storage:Encryption) is checked as an options class of its own.
                continue;
            }
            else
            {
                Check(keys, keys.Select(Env).ToArray(), missing);
            }
        }

        Assert.True(missing.Count == 0, "docs/configuration.md lacks: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_key_read_directly_from_configuration_is_documented()
    {
        var sources = Directory.EnumerateFiles(RepoPaths.Combine("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var keys = sources.SelectMany(f => ConfigurationKey().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value)).ToHashSet();

        Assert.Contains("REDIS_URL", keys);
        Assert.Contains("Gateway:ExpectedSilos", keys);
        var missing = keys.Where(k => !Doc.Contains($"`{k}", StringComparison.Ordinal) && !Doc.Contains($"`{k.Replace(":", "__", StringComparison.Ordinal)}", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "docs/configuration.md lacks: " + string.Join(", ", missing));
    }

    private static void Check(string[] keys, string[] environmentNames, List<string> missing)
    {
        // A list of values is documented as Section:List:N, a dictionary as Section:Map:<id>.
        var key = keys.FirstOrDefault(k => Doc.Contains($"`{k}`", StringComparison.Ordinal)
            || Doc.Contains($"`{k}:N`", StringComparison.Ordinal) || Doc.Contains($"`{k}:<id>`", StringComparison.Ordinal));
        if (key is null)
        {
            missing.Add(keys[0]);
            return;
        }

        var env = environmentNames[Array.IndexOf(keys, key)];
        if (!Doc.Contains(env, StringComparison.Ordinal))
        {
            missing.Add(env);
        }
    }

    private static bool IsOptionsClass(Type type) =>
        type.IsClass && type != typeof(string) && (type.Name.EndsWith("Options", StringComparison.Ordinal) || type.Name.EndsWith("Settings", StringComparison.Ordinal));

    private static string Env(string key) => key.Replace(":N:", "__0__", StringComparison.Ordinal).Replace(":", "__", StringComparison.Ordinal);

    private static string[] SectionsOf(Type type)
    {
        var constant = type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .FirstOrDefault(f => f.IsLiteral && f.Name is "Section" or "SectionName")?.GetRawConstantValue() as string;
        if (constant is not null)
        {
            return [constant];
        }

        Assert.True(Sections.TryGetValue(type.Name, out var sections), $"{type.Name}: add a Section constant (or list its sections in this test)");
        return sections!;
    }

    private static IEnumerable<PropertyInfo> Bindable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.SetMethod!.IsPublic);

    /// <summary>configuration["Key"], configuration.GetValue&lt;T&gt;("Key"), GetSection("Key") on a configuration,
    /// and constants named *Setting or *Section.</summary>
    [GeneratedRegex("""(?:[Cc]onfiguration(?:\s*\[\s*|\.GetValue(?:<[^>]+>)?\(\s*|\.GetSection\(\s*)"(?<key>[A-Za-z_][A-Za-z0-9_:]*)")|(?:const string \w*(?:Setting|Section)\w* = "(?<key>[A-Za-z_][A-Za-z0-9_:]*)")""")]
    private static partial Regex ConfigurationKey();
}
