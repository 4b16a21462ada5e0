using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using TrtOrleans.Grains.Persistence;
using TrtOrleans.Silo.Hosting;
using TrtOrleans.TestSupport;

namespace TrtOrleans.Grains.Tests;

/// <summary>A silo on Redis never runs in plain mode: without a key ring, or with one that does not load, building
/// the host stops with one line naming the settings. The in-memory developer default still builds without one.</summary>
public sealed class StorageEncryptionCheckTests
{
    [Fact]
    public void ASiloOnRedisWithoutAKeyRingStopsTheStartWithOneLine()
    {
        var error = Assert.Throws<StartupCheckException>(() => Build(new() { ["REDIS_URL"] = "redis://127.0.0.1:1/0" }));

        Assert.DoesNotContain('\n', error.Message);
        Assert.StartsWith("Storage:Encryption: REDIS_URL is set but no key ring is configured", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:Encryption:Keys:<id>", error.Message, StringComparison.Ordinal);
        Assert.Contains("openssl rand -base64 32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyRingThatDoesNotLoadStopsTheStartWithoutEchoingTheKey()
    {
        var error = Assert.Throws<StartupCheckException>(() => Build(new()
        {
            ["REDIS_URL"] = "redis://127.0.0.1:1/0",
            ["Storage:Encryption:Keys:k1"] = "not*base64*secret",
        }));

        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Storage:Encryption: the key ring does not load", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingKeyRingFileStopsTheStart()
    {
        var error = Assert.Throws<StartupCheckException>(() => Build(new()
        {
            ["REDIS_URL"] = "redis://127.0.0.1:1/0",
            ["Storage:Encryption:KeyRingFile"] = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "keyring.json"),
        }));

        Assert.StartsWith("Storage:Encryption:KeyRingFile '", error.Message, StringComparison.Ordinal);
        Assert.Contains("keyring.json' cannot be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheKeyRingFileFormatOfTheDeploymentsLoads()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("trt-keyring-").FullName, "keyring.json");
        File.WriteAllText(file, $$$"""{"primary_key_id": "{{{TestKeyRing.KeyId}}}", "keys": {"{{{TestKeyRing.KeyId}}}": "{{{TestKeyRing.Key}}}"}}""");

        var ring = StorageEncryptionCheck.Load(new EncryptionOptions { KeyRingFile = file }, redis: true);

        Assert.Equal(TestKeyRing.KeyId, ring?.PrimaryKeyId);
    }

    [Fact]
    public void TheInMemoryDeveloperDefaultBuildsWithoutAKeyRing() =>
        Assert.Null(StorageEncryptionCheck.Load(new EncryptionOptions(), redis: false));

    private static void Build(Dictionary<string, string?> settings)
    {
        var builder = new HostApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleans(silo => silo.AddTrt(builder.Configuration));
    }
}
