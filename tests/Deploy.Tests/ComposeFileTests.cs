using YamlDotNet.RepresentationModel;

namespace TrtOrleans.Deploy.Tests;

/// <summary>Shape of deploy/compose.yaml: what is exposed, what persists, what waits for what.</summary>
public sealed class ComposeFileTests
{
    private static string[] Silos { get; } = ["silo-1", "silo-2"];

    private static string[] Gateways { get; } = ["gateway-1", "gateway-2"];

    private readonly YamlMappingNode _compose = Yaml.LoadSingle(RepoFiles.Deploy("compose.yaml"));

    private YamlMappingNode Services => _compose.Map("services");

    private YamlMappingNode Service(string name) => Services.Map(name);

    private static string HealthcheckText(YamlMappingNode service) =>
        string.Join(' ', service.Map("healthcheck").Get("test").StringOrList());

    [Fact]
    public void Defines_redis_ollama_two_silos_two_gateways_and_nginx()
    {
        var names = Services.Keys().ToHashSet();

        foreach (var required in new[] { "redis", "ollama", "nginx" }.Concat(Silos).Concat(Gateways))
        {
            Assert.Contains(required, names);
        }
    }

    [Fact]
    public void Redis_publishes_no_port()
    {
        var redis = Service("redis");

        Assert.False(redis.Has("ports"), "redis must not publish a port");
    }

    [Fact]
    public void Redis_is_only_on_the_internal_backend_network()
    {
        var networks = Service("redis").Get("networks").StringOrList();

        Assert.Equal(["backend"], networks);
        Assert.Equal("true", _compose.Path("networks.backend").Str("internal"));
    }

    [Fact]
    public void Redis_command_enables_append_only_file_and_requires_the_password_variable()
    {
        var command = Service("redis").Get("command").StringOrList();

        var appendOnly = IndexOf(command, "--appendonly");
        Assert.True(appendOnly >= 0 && command[appendOnly + 1] == "yes", "command lacks --appendonly yes");
        // The password belongs to the ACL user "trt"; ":?" makes compose refuse to start without one.
        Assert.Contains(command, c => c.StartsWith(">${REDIS_PASSWORD:?", StringComparison.Ordinal));
    }

    [Fact]
    public void Redis_keeps_its_data_in_a_named_volume()
    {
        var volumes = Service("redis").Seq("volumes").Scalars().ToList();

        Assert.Contains(volumes, v => v.EndsWith(":/data", StringComparison.Ordinal) && !v.StartsWith('.'));
        Assert.True(_compose.Map("volumes").Has("redis-data"));
    }

    [Fact]
    public void Only_nginx_publishes_a_port()
    {
        var publishing = Services.Children
            .Where(kv => ((YamlMappingNode)kv.Value).Has("ports"))
            .Select(kv => ((YamlScalarNode)kv.Key).Value)
            .ToList();

        Assert.Equal(["nginx"], publishing);
    }

    [Fact]
    public void Silos_and_gateways_have_healthchecks_on_health_ready()
    {
        foreach (var name in Silos.Concat(Gateways))
        {
            Assert.Contains("/health/ready", HealthcheckText(Service(name)));
        }
    }

    [Fact]
    public void Every_service_has_a_healthcheck()
    {
        foreach (var name in Services.Keys())
        {
            Assert.True(Service(name).Has("healthcheck"), $"{name} has no healthcheck");
        }
    }

    [Fact]
    public void Depends_on_always_states_a_condition()
    {
        string[] allowed = ["service_started", "service_healthy", "service_completed_successfully"];
        foreach (var name in Services.Keys())
        {
            if (Service(name).Get("depends_on") is not { } dependsOn)
            {
                continue;
            }

            var map = Assert.IsType<YamlMappingNode>(dependsOn);
            foreach (var dependency in map.Keys())
            {
                Assert.Contains(map.Map(dependency).Str("condition"), allowed);
                Assert.True(Services.Has(dependency), $"{name} depends on unknown service {dependency}");
            }
        }
    }

    [Fact]
    public void Silos_wait_for_a_healthy_redis_and_gateways_for_healthy_silos()
    {
        foreach (var silo in Silos)
        {
            Assert.Equal("service_healthy", Service(silo).Path("depends_on.redis").Str("condition"));
        }

        foreach (var gateway in Gateways)
        {
            foreach (var silo in Silos)
            {
                Assert.Equal("service_healthy", Service(gateway).Path($"depends_on.{silo}").Str("condition"));
            }
        }
    }

    [Fact]
    public void Nginx_waits_for_healthy_gateways_and_balances_over_both()
    {
        var nginx = Service("nginx");
        var conf = RepoFiles.ReadDeploy("nginx.compose.conf");

        foreach (var gateway in Gateways)
        {
            Assert.Equal("service_healthy", nginx.Path($"depends_on.{gateway}").Str("condition"));
            Assert.Contains($"server {gateway}:8080", conf);
        }

        Assert.Contains(nginx.Seq("volumes").Scalars(), v => v.StartsWith("./nginx.compose.conf:", StringComparison.Ordinal));
    }

    [Fact]
    public void Silos_and_gateways_are_on_the_backend_network_and_nginx_is_not()
    {
        foreach (var name in Silos.Concat(Gateways))
        {
            Assert.Contains("backend", NetworkNames(Service(name)));
        }

        Assert.DoesNotContain("backend", NetworkNames(Service("nginx")));
        foreach (var gateway in Gateways)
        {
            Assert.Contains("frontend", NetworkNames(Service(gateway)));
        }
    }

    [Fact]
    public void Each_silo_advertises_its_own_static_backend_address()
    {
        var addresses = new HashSet<string>();
        foreach (var silo in Silos)
        {
            var service = Service(silo);
            var advertised = service.Map("environment").Str("Orleans__AdvertisedIp");
            var assigned = service.Path("networks.backend").Str("ipv4_address");

            Assert.Equal(assigned, advertised);
            Assert.True(addresses.Add(advertised), $"{silo} shares its address with another silo");
        }
    }

    [Fact]
    public void Silos_and_gateways_share_cluster_identity_and_use_redis_with_the_password()
    {
        foreach (var name in Silos.Concat(Gateways))
        {
            var env = Service(name).Map("environment");
            Assert.Equal("trt", env.Str("Orleans__ClusterId"));
            Assert.Equal("trt-orleans", env.Str("Orleans__ServiceId"));
            Assert.StartsWith("rediss://trt:${REDIS_PASSWORD:?", env.Str("REDIS_URL"));
            Assert.Contains("@redis:6379", env.Str("REDIS_URL"));
        }
    }

    [Fact]
    public void Gateways_configure_an_admin_key_so_they_listen_beyond_loopback()
    {
        foreach (var gateway in Gateways)
        {
            var env = Service(gateway).Map("environment");
            Assert.Equal("admin", env.Str("Auth__Keys__0__Role"));
            Assert.Contains(":?", env.Str("Auth__Keys__0__Sha256"));
        }
    }

    [Fact]
    public void Silos_get_a_stop_grace_period_above_the_llm_turn_budget()
    {
        foreach (var silo in Silos)
        {
            var grace = Service(silo).Str("stop_grace_period");
            Assert.EndsWith("s", grace);
            Assert.True(int.Parse(grace.TrimEnd('s'), System.Globalization.CultureInfo.InvariantCulture) > 35);
        }
    }

    [Fact]
    public void Ollama_requests_no_gpu_and_keeps_models_in_a_volume()
    {
        var ollama = Service("ollama");

        Assert.False(ollama.Has("deploy"), "a deploy section could reserve GPU devices");
        Assert.False(ollama.Has("runtime"));
        Assert.Contains(ollama.Seq("volumes").Scalars(), v => v.StartsWith("ollama-models:", StringComparison.Ordinal));
    }

    [Fact]
    public void Built_images_use_the_deploy_dockerfiles_from_the_repository_root()
    {
        var builds = Services.Children.Values.Cast<YamlMappingNode>()
            .Select(s => s.Get("build"))
            .OfType<YamlMappingNode>()
            .ToList();

        Assert.Equal(2, builds.Count);
        foreach (var build in builds)
        {
            Assert.Equal("..", build.Str("context"));
            Assert.True(File.Exists(Path.Combine(RepoFiles.Root, build.Str("dockerfile"))), build.Str("dockerfile"));
        }
    }

    [Fact]
    public void Bind_mounted_files_exist()
    {
        foreach (var service in Services.Children.Values.Cast<YamlMappingNode>())
        {
            if (service.Get("volumes") is not YamlSequenceNode volumes)
            {
                continue;
            }

            foreach (var source in volumes.Scalars().Select(v => v.Split(':')[0]).Where(s => s.StartsWith("./", StringComparison.Ordinal)))
            {
                if (source == "./certs")
                {
                    // Made by the operator (private keys are never committed), with the script the header names.
                    Assert.True(File.Exists(RepoFiles.Deploy("make-dev-certs.sh")));
                    Assert.Contains("make-dev-certs.sh deploy/certs", RepoFiles.ReadDeploy("compose.yaml"));
                    continue;
                }

                Assert.True(File.Exists(RepoFiles.Deploy(source[2..])), $"{source} does not exist");
            }
        }
    }

    private static int IndexOf(IReadOnlyList<string> items, string value)
    {
        for (var i = 0; i < items.Count - 1; i++)
        {
            if (items[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    private static IReadOnlyList<string> NetworkNames(YamlMappingNode service) => service.Get("networks") switch
    {
        YamlSequenceNode list => list.Scalars().ToList(),
        YamlMappingNode map => map.Keys().ToList(),
        _ => [],
    };
}
