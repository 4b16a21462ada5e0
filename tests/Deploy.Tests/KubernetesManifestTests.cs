using YamlDotNet.RepresentationModel;

namespace TrtOrleans.Deploy.Tests;

/// <summary>
/// Shape of deploy/k8s/*.yaml. No API server runs here, so these checks stand in for
/// `kubectl apply --dry-run=server`: kinds and apiVersions, probes, grace periods, and what
/// Microsoft.Orleans.Hosting.Kubernetes needs (pod labels, downward-API environment, RBAC).
/// </summary>
public sealed class KubernetesManifestTests
{
    private const string ServiceIdLabel = "orleans/serviceId";
    private const string ClusterIdLabel = "orleans/clusterId";

    private readonly List<(string File, YamlMappingNode Doc)> _docs = Directory
        .GetFiles(RepoFiles.K8sDir, "*.yaml")
        .OrderBy(f => f, StringComparer.Ordinal)
        .SelectMany(f => Yaml.LoadDocuments(f).Select(d => (Path.GetFileName(f), d)))
        .ToList();

    private static Dictionary<string, string> ApiVersionByKind { get; } = new()
    {
        ["Namespace"] = "v1",
        ["ConfigMap"] = "v1",
        ["Secret"] = "v1",
        ["Service"] = "v1",
        ["ServiceAccount"] = "v1",
        ["Deployment"] = "apps/v1",
        ["StatefulSet"] = "apps/v1",
        ["Role"] = "rbac.authorization.k8s.io/v1",
        ["RoleBinding"] = "rbac.authorization.k8s.io/v1",
        ["PodDisruptionBudget"] = "policy/v1",
        ["NetworkPolicy"] = "networking.k8s.io/v1",
        ["Kustomization"] = "kustomize.config.k8s.io/v1beta1",
    };

    private IEnumerable<YamlMappingNode> OfKind(string kind) => _docs.Select(d => d.Doc).Where(d => d.Str("kind") == kind);

    private YamlMappingNode Named(string kind, string name) =>
        Assert.Single(OfKind(kind), d => d.Path("metadata").Str("name") == name);

    private YamlMappingNode SiloDeployment => Named("Deployment", "trt-silo");

    private YamlMappingNode GatewayDeployment => Named("Deployment", "trt-gateway");

    private static YamlMappingNode PodSpec(YamlMappingNode workload) => workload.Path("spec.template.spec");

    private static YamlMappingNode Container(YamlMappingNode workload) => Assert.Single(PodSpec(workload).Seq("containers").Maps());

    private static Dictionary<string, YamlMappingNode> Env(YamlMappingNode container) =>
        container.Seq("env").Maps().ToDictionary(e => e.Str("name"), e => e);

    [Fact]
    public void Manifests_exist_for_every_required_kind()
    {
        var kinds = _docs.Select(d => d.Doc.Str("kind")).ToHashSet();

        foreach (var kind in new[] { "Deployment", "Service", "StatefulSet", "ConfigMap", "ServiceAccount", "Role", "RoleBinding" })
        {
            Assert.Contains(kind, kinds);
        }
    }

    [Fact]
    public void Every_document_has_a_known_kind_with_its_api_version_and_a_name()
    {
        foreach (var (file, doc) in _docs)
        {
            var kind = doc.Str("kind");
            Assert.True(ApiVersionByKind.TryGetValue(kind, out var apiVersion), $"{file}: unexpected kind {kind}");
            Assert.Equal(apiVersion, doc.Str("apiVersion"));
            if (kind != "Kustomization")
            {
                Assert.False(string.IsNullOrWhiteSpace(doc.Path("metadata").StrOrNull("name")), $"{file}: {kind} without a name");
            }
        }
    }

    [Fact]
    public void Namespaced_objects_all_live_in_the_trt_namespace()
    {
        foreach (var (file, doc) in _docs.Where(d => d.Doc.Str("kind") is not ("Namespace" or "Kustomization")))
        {
            Assert.True(doc.Path("metadata").StrOrNull("namespace") == "trt", $"{file}: {doc.Str("kind")} outside namespace trt");
        }
    }

    [Fact]
    public void Workload_selectors_match_their_pod_template_labels()
    {
        foreach (var workload in OfKind("Deployment").Concat(OfKind("StatefulSet")))
        {
            var labels = workload.Path("spec.template.metadata.labels");
            foreach (var (key, value) in Pairs(workload.Path("spec.selector.matchLabels")))
            {
                Assert.Equal(value, labels.Str(key));
            }
        }
    }

    [Fact]
    public void Both_deployments_probe_readiness_and_liveness_on_the_health_endpoints()
    {
        foreach (var deployment in new[] { SiloDeployment, GatewayDeployment })
        {
            var container = Container(deployment);
            var ports = container.Seq("ports").Maps().Select(p => p.Str("name")).ToHashSet();

            var readiness = container.Path("readinessProbe.httpGet");
            Assert.Equal("/health/ready", readiness.Str("path"));
            Assert.Contains(readiness.Str("port"), ports);

            var liveness = container.Path("livenessProbe.httpGet");
            Assert.Equal("/health/live", liveness.Str("path"));
            Assert.Contains(liveness.Str("port"), ports);
        }
    }

    [Fact]
    public void Termination_grace_period_exceeds_the_35_second_llm_turn_budget()
    {
        foreach (var deployment in new[] { SiloDeployment, GatewayDeployment })
        {
            var seconds = int.Parse(PodSpec(deployment).Str("terminationGracePeriodSeconds"), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(seconds > 35, $"terminationGracePeriodSeconds {seconds} does not exceed 35");
        }

        Assert.Equal("90", PodSpec(SiloDeployment).Str("terminationGracePeriodSeconds"));
    }

    [Fact]
    public void Silo_pods_carry_the_orleans_service_and_cluster_labels()
    {
        var labels = SiloDeployment.Path("spec.template.metadata.labels");

        Assert.False(string.IsNullOrWhiteSpace(labels.StrOrNull(ServiceIdLabel)));
        Assert.False(string.IsNullOrWhiteSpace(labels.StrOrNull(ClusterIdLabel)));
    }

    [Fact]
    public void Silo_labels_match_the_cluster_identity_the_gateways_use()
    {
        var labels = SiloDeployment.Path("spec.template.metadata.labels");
        var config = Named("ConfigMap", "trt-config").Map("data");

        Assert.Equal(labels.Str(ServiceIdLabel), config.Str("Orleans__ServiceId"));
        Assert.Equal(labels.Str(ClusterIdLabel), config.Str("Orleans__ClusterId"));
    }

    [Fact]
    public void Gateway_pods_do_not_carry_orleans_labels_because_they_are_not_silos()
    {
        var labels = GatewayDeployment.Path("spec.template.metadata.labels");

        Assert.False(labels.Has(ServiceIdLabel));
        Assert.False(labels.Has(ClusterIdLabel));
    }

    [Theory]
    [InlineData("POD_NAME", "metadata.name")]
    [InlineData("POD_NAMESPACE", "metadata.namespace")]
    [InlineData("POD_IP", "status.podIP")]
    [InlineData("ORLEANS_SERVICE_ID", "metadata.labels['orleans/serviceId']")]
    [InlineData("ORLEANS_CLUSTER_ID", "metadata.labels['orleans/clusterId']")]
    [InlineData("Orleans__ServiceId", "metadata.labels['orleans/serviceId']")]
    [InlineData("Orleans__ClusterId", "metadata.labels['orleans/clusterId']")]
    [InlineData("Orleans__AdvertisedIp", "status.podIP")]
    public void Silo_gets_kubernetes_hosting_environment_from_the_downward_api(string name, string fieldPath)
    {
        var env = Env(Container(SiloDeployment));

        Assert.True(env.ContainsKey(name), $"silo env lacks {name}");
        Assert.Equal(fieldPath, env[name].Path("valueFrom.fieldRef").Str("fieldPath"));
    }

    [Fact]
    public void Silo_turns_on_kubernetes_hosting()
    {
        var env = Env(Container(SiloDeployment));

        Assert.Equal("true", env["Orleans__Kubernetes"].Str("value"));
    }

    [Fact]
    public void Silo_exposes_the_silo_gateway_and_http_ports()
    {
        var ports = Container(SiloDeployment).Seq("ports").Maps().Select(p => p.Str("containerPort")).ToHashSet();

        Assert.Equal(new HashSet<string> { "8080", "11111", "30000" }, ports);
    }

    [Fact]
    public void Rbac_lets_the_silo_service_account_get_list_watch_patch_and_delete_pods()
    {
        var serviceAccount = PodSpec(SiloDeployment).Str("serviceAccountName");
        Named("ServiceAccount", serviceAccount);

        var binding = Assert.Single(OfKind("RoleBinding"), b =>
            b.Seq("subjects").Maps().Any(s => s.Str("kind") == "ServiceAccount" && s.Str("name") == serviceAccount));
        Assert.Equal("Role", binding.Path("roleRef").Str("kind"));
        Assert.Equal("rbac.authorization.k8s.io", binding.Path("roleRef").Str("apiGroup"));
        var subject = binding.Seq("subjects").Maps().First(s => s.Str("name") == serviceAccount);
        Assert.Equal(SiloDeployment.Path("metadata").Str("namespace"), subject.Str("namespace"));

        var role = Named("Role", binding.Path("roleRef").Str("name"));
        var podRule = Assert.Single(role.Seq("rules").Maps(), r => r.Seq("resources").Scalars().Contains("pods"));
        Assert.Equal([""], podRule.Seq("apiGroups").Scalars());
        var verbs = podRule.Seq("verbs").Scalars().ToHashSet();
        // get+patch: label its own pod; list+watch: notice deleted silo pods; delete: remove
        // pods of silos declared dead.
        foreach (var verb in new[] { "get", "list", "watch", "patch", "delete" })
        {
            Assert.Contains(verb, verbs);
        }
    }

    [Fact]
    public void Gateway_service_selects_gateway_pods_on_a_declared_port()
    {
        var service = Named("Service", "trt-gateway");
        var labels = GatewayDeployment.Path("spec.template.metadata.labels");
        foreach (var (key, value) in Pairs(service.Path("spec.selector")))
        {
            Assert.Equal(value, labels.Str(key));
        }

        var portNames = Container(GatewayDeployment).Seq("ports").Maps().Select(p => p.Str("name")).ToHashSet();
        foreach (var port in service.Path("spec").Seq("ports").Maps())
        {
            Assert.Contains(port.Str("targetPort"), portNames);
        }
    }

    [Fact]
    public void Redis_is_a_stateful_set_with_a_volume_claim_and_a_secret_password()
    {
        var redis = Named("StatefulSet", "trt-redis");

        var claim = Assert.Single(redis.Path("spec").Seq("volumeClaimTemplates").Maps());
        var container = Container(redis);
        Assert.Contains(container.Seq("volumeMounts").Maps(), m => m.Str("name") == claim.Path("metadata").Str("name") && m.Str("mountPath") == "/data");
        Assert.Equal("trt-redis", Env(container)["REDIS_PASSWORD"].Path("valueFrom.secretKeyRef").Str("name"));
        Assert.Contains(">$(REDIS_PASSWORD)", container.Seq("args").Scalars());
    }

    [Fact]
    public void Redis_config_persists_with_an_append_only_file_and_never_evicts()
    {
        var conf = Named("ConfigMap", "trt-redis-config").Map("data").Str("redis.conf");

        Assert.Contains("appendonly yes", conf);
        Assert.Contains("appendfsync everysec", conf);
        Assert.Contains("maxmemory-policy noeviction", conf);
    }

    [Fact]
    public void Secret_references_point_at_secrets_and_keys_of_the_example()
    {
        var examples = OfKind("Secret").ToDictionary(s => s.Path("metadata").Str("name"), s => s.Map("stringData").Keys().ToHashSet());

        foreach (var workload in OfKind("Deployment").Concat(OfKind("StatefulSet")))
        {
            foreach (var env in Env(Container(workload)).Values)
            {
                if (env.Get("valueFrom") is YamlMappingNode from && from.Get("secretKeyRef") is YamlMappingNode secretRef)
                {
                    Assert.True(examples.ContainsKey(secretRef.Str("name")), $"unknown secret {secretRef.Str("name")}");
                    Assert.Contains(secretRef.Str("key"), examples[secretRef.Str("name")]);
                }
            }
        }
    }

    [Fact]
    public void Config_map_references_exist()
    {
        var configMaps = OfKind("ConfigMap").Select(c => c.Path("metadata").Str("name")).ToHashSet();

        foreach (var workload in new[] { SiloDeployment, GatewayDeployment })
        {
            foreach (var source in Container(workload).Seq("envFrom").Maps())
            {
                Assert.Contains(source.Path("configMapRef").Str("name"), configMaps);
            }
        }
    }

    [Fact]
    public void Kustomization_lists_every_manifest_except_the_secret_example()
    {
        var kustomization = Yaml.LoadSingle(Path.Combine(RepoFiles.K8sDir, "kustomization.yaml"));
        var listed = kustomization.Seq("resources").Scalars().ToHashSet();
        var expected = Directory.GetFiles(RepoFiles.K8sDir, "*.yaml")
            .Select(Path.GetFileName)
            .Where(f => f is not ("kustomization.yaml" or "secret.example.yaml"))
            .Select(f => f!)
            .ToHashSet();

        Assert.Equal(expected, listed);
    }

    private static IEnumerable<(string Key, string Value)> Pairs(YamlMappingNode map) =>
        map.Children.Select(kv => (((YamlScalarNode)kv.Key).Value ?? "", ((YamlScalarNode)kv.Value).Value ?? ""));
}
