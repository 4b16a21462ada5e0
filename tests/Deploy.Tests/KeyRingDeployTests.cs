using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace TrtOrleans.Deploy.Tests;

/// <summary>Every shipped deployment that uses Redis gives the silos a key ring (a silo on Redis refuses to start
/// without one): compose from a required variable, Kubernetes from the trt-keyring Secret mounted as a file.</summary>
public sealed class KeyRingDeployTests
{
    private readonly YamlMappingNode _compose = Yaml.LoadSingle(RepoFiles.Deploy("compose.yaml"));

    private readonly List<YamlMappingNode> _k8s = Directory.GetFiles(RepoFiles.K8sDir, "*.yaml")
        .SelectMany(Yaml.LoadDocuments).ToList();

    [Theory]
    [InlineData("silo-1")]
    [InlineData("silo-2")]
    public void Compose_silos_get_a_required_key_ring_key(string silo)
    {
        var env = _compose.Map("services").Map(silo).Map("environment");

        Assert.Equal("k1", env.Str("Storage__Encryption__PrimaryKeyId"));
        Assert.StartsWith("${STORAGE_KEY:?", env.Str("Storage__Encryption__Keys__k1"));
        Assert.Contains("openssl rand -base64 32", RepoFiles.ReadDeploy("compose.yaml"));
    }

    [Fact]
    public void Kubernetes_silos_mount_the_key_ring_secret_and_point_KeyRingFile_at_it()
    {
        var silo = Assert.Single(_k8s, d => d.Str("kind") == "Deployment" && d.Path("metadata").Str("name") == "trt-silo");
        var pod = silo.Path("spec.template.spec");
        var volume = Assert.Single(pod.Seq("volumes").Maps(), v => v.Str("name") == "keyring");
        Assert.Equal("trt-keyring", volume.Map("secret").Str("secretName"));
        var container = pod.Seq("containers").Maps().First();
        var mount = Assert.Single(container.Seq("volumeMounts").Maps(), m => m.Str("name") == "keyring");
        var file = Assert.Single(container.Seq("env").Maps(), e => e.Str("name") == "Storage__Encryption__KeyRingFile").Str("value");

        Assert.Equal(mount.Str("mountPath") + "/keyring.json", file);
        Assert.Equal(pod.Map("securityContext").Str("runAsUser"), pod.Map("securityContext").Str("fsGroup"));
    }

    [Fact]
    public void The_secret_example_shows_the_key_ring_file_format_the_silo_reads()
    {
        var secret = Assert.Single(Yaml.LoadDocuments(RepoFiles.Deploy("k8s/secret.example.yaml")),
            d => d.Path("metadata").Str("name") == "trt-keyring");
        using var ring = JsonDocument.Parse(secret.Map("stringData").Str("keyring.json"));
        var primary = ring.RootElement.GetProperty("primary_key_id").GetString();

        Assert.True(ring.RootElement.GetProperty("keys").TryGetProperty(primary!, out _));
        Assert.Contains("trt-keyring", RepoFiles.ReadDeploy("README.md"));
    }
}
