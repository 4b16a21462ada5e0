using YamlDotNet.RepresentationModel;

namespace TrtOrleans.Deploy.Tests;

/// <summary>Security of the shipped deployments: TLS for Redis and Orleans, the Redis ACL user, Ollama's own
/// network, NetworkPolicies, and a client key apart from the admin key.</summary>
public sealed class SecurityDeployTests
{
    private static readonly string[] Silos = ["silo-1", "silo-2"];
    private static readonly string[] Gateways = ["gateway-1", "gateway-2"];

    private readonly YamlMappingNode _compose = Yaml.LoadSingle(RepoFiles.Deploy("compose.yaml"));

    private readonly List<YamlMappingNode> _k8s = Directory.GetFiles(RepoFiles.K8sDir, "*.yaml")
        .SelectMany(Yaml.LoadDocuments).ToList();

    private static string AclRules => RepoFiles.ReadDeploy("redis-acl-rules").Trim();

    private YamlMappingNode Service(string name) => _compose.Map("services").Map(name);

    [Fact]
    public void Compose_puts_ollama_on_its_own_internal_network_that_only_silos_join()
    {
        Assert.Equal(["egress", "llm"], Networks(Service("ollama")).Order());
        Assert.Equal("true", _compose.Path("networks.llm").Str("internal"));
        foreach (var silo in Silos)
        {
            Assert.Contains("llm", Networks(Service(silo)));
        }

        foreach (var other in Gateways.Append("redis").Append("nginx"))
        {
            Assert.DoesNotContain("llm", Networks(Service(other)));
        }
    }

    [Fact]
    public void Compose_redis_speaks_tls_only_with_the_default_user_off_and_the_documented_acl()
    {
        var command = Service("redis").Get("command").StringOrList();

        Assert.Equal("0", After(command, "--port"));
        Assert.Equal("6379", After(command, "--tls-port"));
        Assert.DoesNotContain("--requirepass", command);
        // One argument per word: redis-server quotes an argument with spaces as a single token.
        var line = string.Join(' ', command);
        Assert.Contains("--user default off --user trt on >${REDIS_PASSWORD:?set REDIS_PASSWORD} " + AclRules + " ", line + " ");
    }

    [Fact]
    public void Compose_silos_and_gateways_use_tls_to_redis_and_between_each_other()
    {
        foreach (var name in Silos.Concat(Gateways))
        {
            var env = Service(name).Map("environment");
            Assert.StartsWith("rediss://trt:", env.Str("REDIS_URL"));
            Assert.Equal("/tls/ca.crt", env.Str("Redis__CaCertificatePath"));
            Assert.Equal("/tls/orleans.crt", env.Str("Orleans__Tls__CertificatePath"));
            Assert.Equal("/tls/orleans.key", env.Str("Orleans__Tls__KeyPath"));
            Assert.Equal("/tls/ca.crt", env.Str("Orleans__Tls__CaCertificatePath"));
        }
    }

    [Fact]
    public void Compose_gateways_define_a_client_key_apart_from_the_admin_key()
    {
        foreach (var gateway in Gateways)
        {
            var env = Service(gateway).Map("environment");
            Assert.Equal("admin", env.Str("Auth__Keys__0__Role"));
            Assert.Equal("client", env.Str("Auth__Keys__1__Role"));
            Assert.NotEqual(env.Str("Auth__Keys__0__Sha256"), env.Str("Auth__Keys__1__Sha256"));
            Assert.Contains("CLIENT_KEY_SHA256:?", env.Str("Auth__Keys__1__Sha256"));
        }
    }

    [Fact]
    public void K8s_denies_ingress_by_default_and_lets_only_gateways_reach_the_silo_gateway_port()
    {
        var policies = OfKind("NetworkPolicy").ToList();
        Assert.Contains(policies, p => p.Path("spec").Get("podSelector") is YamlMappingNode { Children.Count: 0 }
            && p.Path("spec").Get("ingress") is null);

        var silo = PolicyFor(policies, "trt-silo");
        var rules = silo.Path("spec").Seq("ingress").Maps().ToList();
        Assert.Equal(2, rules.Count);
        Assert.Equal(["trt-silo"], Sources(rules.Single(r => Ports(r).SequenceEqual(["11111"]))));
        Assert.Equal(["trt-gateway"], Sources(rules.Single(r => Ports(r).SequenceEqual(["30000"]))));
    }

    [Fact]
    public void K8s_lets_only_silos_and_gateways_reach_redis_and_only_silos_reach_ollama()
    {
        var policies = OfKind("NetworkPolicy").ToList();

        var redis = Assert.Single(PolicyFor(policies, "trt-redis").Path("spec").Seq("ingress").Maps());
        Assert.Equal(["trt-gateway", "trt-silo"], Sources(redis).Order());
        Assert.Equal(["6379"], Ports(redis));
        var ollama = Assert.Single(PolicyFor(policies, "ollama").Path("spec").Seq("ingress").Maps());
        Assert.Equal(["trt-silo"], Sources(ollama));
    }

    [Fact]
    public void K8s_redis_is_tls_only_with_the_documented_acl()
    {
        var conf = Named("ConfigMap", "trt-redis-config").Map("data").Str("redis.conf");
        var args = Container(Named("StatefulSet", "trt-redis")).Seq("args").Scalars().ToList();

        Assert.Contains("port 0", conf);
        Assert.Contains("tls-port 6379", conf);
        Assert.Contains("--user default off --user trt on >$(REDIS_PASSWORD) " + AclRules, string.Join(' ', args));
    }

    [Fact]
    public void K8s_turns_tls_on_and_gives_gateways_a_client_key()
    {
        var config = Named("ConfigMap", "trt-config").Map("data");
        Assert.Equal("/etc/trt/tls/orleans.crt", config.Str("Orleans__Tls__CertificatePath"));
        Assert.Equal("/etc/trt/tls/ca.crt", config.Str("Redis__CaCertificatePath"));
        foreach (var workload in new[] { Named("Deployment", "trt-silo"), Named("Deployment", "trt-gateway") })
        {
            Assert.Contains(Container(workload).Seq("volumeMounts").Maps(), m => m.Str("mountPath") == "/etc/trt/tls");
            Assert.Contains(workload.Path("spec.template.spec").Seq("volumes").Maps(), v => v.Get("secret") is YamlMappingNode s && s.Str("secretName") == "trt-tls");
        }

        var env = Container(Named("Deployment", "trt-gateway")).Seq("env").Maps().ToDictionary(e => e.Str("name"));
        Assert.Equal("client", env["Auth__Keys__1__Role"].Str("value"));
        Assert.Equal("client-sha256", env["Auth__Keys__1__Sha256"].Path("valueFrom.secretKeyRef").Str("key"));
    }

    private IEnumerable<YamlMappingNode> OfKind(string kind) => _k8s.Where(d => d.Str("kind") == kind);

    private YamlMappingNode Named(string kind, string name) => Assert.Single(OfKind(kind), d => d.Path("metadata").Str("name") == name);

    private static YamlMappingNode Container(YamlMappingNode workload) => Assert.Single(workload.Path("spec.template.spec").Seq("containers").Maps());

    private static YamlMappingNode PolicyFor(IEnumerable<YamlMappingNode> policies, string app) =>
        Assert.Single(policies, p => p.Path("spec").Get("podSelector") is YamlMappingNode selector
            && selector.Get("matchLabels") is YamlMappingNode labels && labels.StrOrNull("app.kubernetes.io/name") == app);

    private static IEnumerable<string> Sources(YamlMappingNode rule) =>
        rule.Seq("from").Maps().Select(f => f.Path("podSelector.matchLabels").Str("app.kubernetes.io/name"));

    private static IEnumerable<string> Ports(YamlMappingNode rule) => rule.Seq("ports").Maps().Select(p => p.Str("port"));

    private static IReadOnlyList<string> Networks(YamlMappingNode service) => service.Get("networks") switch
    {
        YamlSequenceNode list => list.Scalars().ToList(),
        YamlMappingNode map => map.Keys().ToList(),
        _ => [],
    };

    private static string After(IReadOnlyList<string> items, string flag)
    {
        var at = items.ToList().IndexOf(flag);
        Assert.True(at >= 0 && at < items.Count - 1, $"missing {flag}");
        return items[at + 1];
    }
}
