using YamlDotNet.RepresentationModel;

namespace TrtOrleans.Deploy.Tests;

/// <summary>Small navigation helpers over YamlDotNet's representation model.</summary>
internal static class Yaml
{
    /// <summary>Every non-empty document of a YAML file (a Kubernetes file may hold several).</summary>
    public static IReadOnlyList<YamlMappingNode> LoadDocuments(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return stream.Documents
            .Select(d => d.RootNode)
            .OfType<YamlMappingNode>()
            .ToList();
    }

    public static YamlMappingNode LoadSingle(string path) => Assert.Single(LoadDocuments(path));

    public static YamlNode? Get(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static bool Has(this YamlMappingNode node, string key) => node.Get(key) is not null;

    public static YamlMappingNode Map(this YamlMappingNode node, string key) =>
        node.Get(key) as YamlMappingNode ?? throw new Xunit.Sdk.XunitException($"'{key}' is missing or not a mapping");

    public static YamlSequenceNode Seq(this YamlMappingNode node, string key) =>
        node.Get(key) as YamlSequenceNode ?? throw new Xunit.Sdk.XunitException($"'{key}' is missing or not a sequence");

    public static string Str(this YamlMappingNode node, string key) =>
        (node.Get(key) as YamlScalarNode)?.Value ?? throw new Xunit.Sdk.XunitException($"'{key}' is missing or not a scalar");

    public static string? StrOrNull(this YamlMappingNode node, string key) => (node.Get(key) as YamlScalarNode)?.Value;

    /// <summary>Follows a dotted path of mapping keys, e.g. "spec.template.spec".</summary>
    public static YamlMappingNode Path(this YamlMappingNode node, string dottedPath)
    {
        foreach (var key in dottedPath.Split('.'))
        {
            node = node.Map(key);
        }

        return node;
    }

    public static IEnumerable<string> Scalars(this YamlSequenceNode seq) =>
        seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "");

    public static IEnumerable<YamlMappingNode> Maps(this YamlSequenceNode seq) => seq.Children.OfType<YamlMappingNode>();

    public static IEnumerable<string> Keys(this YamlMappingNode node) =>
        node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "");

    /// <summary>The scalar values of a node that may be a string or a list (compose's command/test).</summary>
    public static IReadOnlyList<string> StringOrList(this YamlNode? node) => node switch
    {
        YamlScalarNode s => [s.Value ?? ""],
        YamlSequenceNode q => q.Scalars().ToList(),
        _ => [],
    };
}
