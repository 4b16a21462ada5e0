using System.Reflection;

namespace TrtOrleans.Gateway.Tests;

/// <summary>Every grain interface and each of its methods carries an [Alias]: the wire ids then survive a rename or a
/// move to another namespace, which would otherwise break calls between silos of different versions.</summary>
public sealed class GrainInterfaceAliasTests
{
    [Fact]
    public void Every_grain_interface_and_method_has_an_alias()
    {
        var assemblies = new[] { typeof(Grains.Interfaces.ISessionGrain).Assembly, typeof(Grains.SessionOptions).Assembly };
        var interfaces = assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t.IsInterface && typeof(IGrain).IsAssignableFrom(t))
            .ToList();

        Assert.NotEmpty(interfaces);
        var missing = interfaces.Where(t => t.GetCustomAttribute<AliasAttribute>() is null).Select(t => t.Name)
            .Concat(interfaces.SelectMany(t => t.GetMethods()).Where(m => m.GetCustomAttribute<AliasAttribute>() is null).Select(m => $"{m.DeclaringType!.Name}.{m.Name}"))
            .ToList();
        Assert.True(missing.Count == 0, "without [Alias]: " + string.Join(", ", missing));
        var aliases = interfaces.Select(t => t.GetCustomAttribute<AliasAttribute>()!.Alias).ToList();
        Assert.Equal(aliases.Count, aliases.Distinct().Count());
    }
}
