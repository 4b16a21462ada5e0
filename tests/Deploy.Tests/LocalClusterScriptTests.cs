using System.Text.RegularExpressions;

namespace TrtOrleans.Deploy.Tests;

/// <summary>Static checks of deploy/local-cluster.sh (running it needs a built solution, Redis and nginx).</summary>
public sealed partial class LocalClusterScriptTests
{
    private const string ScriptPath = "deploy/local-cluster.sh";

    private readonly string _script = RepoFiles.ReadDeploy("local-cluster.sh");

    /// <summary>The comment block at the top, up to `set -euo pipefail`.</summary>
    private string Header => _script[.._script.IndexOf("set -euo pipefail", StringComparison.Ordinal)];

    private string Body => _script[_script.IndexOf("set -euo pipefail", StringComparison.Ordinal)..];

    [Fact]
    public void Script_passes_bash_syntax_check()
    {
        var (exitCode, _, stderr) = ProcessRunner.Run("bash", "-n", ScriptPath);

        Assert.True(exitCode == 0, stderr);
    }

    [Fact]
    public void Script_runs_in_strict_mode_before_any_command()
    {
        var firstCode = _script.Split('\n').First(l => l.Length > 0 && !l.StartsWith('#'));

        Assert.Equal("set -euo pipefail", firstCode.Trim());
    }

    [Fact]
    public void Header_documents_every_trt_variable_the_script_uses()
    {
        var documented = TrtVariable().Matches(Header).Select(m => m.Value).ToHashSet();
        var used = TrtVariable().Matches(Body).Select(m => m.Value).ToHashSet();

        Assert.Empty(used.Except(documented));
    }

    [Theory]
    [InlineData("TRT_PORT", "8090")]
    [InlineData("TRT_SILOS", "2")]
    [InlineData("TRT_GATEWAYS", "2")]
    [InlineData("TRT_REDIS_PORT", "6390")]
    [InlineData("TRT_REDIS_PASSWORD", "")]
    [InlineData("TRT_SILO_PORT_BASE", "11111")]
    [InlineData("TRT_GATEWAY_PORT_BASE", "30000")]
    [InlineData("TRT_SILO_HTTP_BASE", "8190")]
    [InlineData("TRT_GW_HTTP_BASE", "8091")]
    [InlineData("TRT_ADMIN_KEY", "")]
    [InlineData("TRT_APPENDFSYNC", "everysec")]
    [InlineData("TRT_NO_BUILD", "")]
    public void Header_states_the_default_the_code_applies(string variable, string defaultValue)
    {
        Assert.Matches(new Regex($@"^#\s+{variable}={Regex.Escape(defaultValue)}(\s|$)", RegexOptions.Multiline), Header);
        Assert.Contains($"{variable}=\"${{{variable}:-{defaultValue}}}\"", Body);
    }

    [Fact]
    public void Header_documents_cluster_and_service_ids()
    {
        Assert.Contains("TRT_CLUSTER_ID=", Header);
        Assert.Contains("TRT_SERVICE_ID=", Header);
    }

    [Theory]
    [InlineData("up")]
    [InlineData("down")]
    [InlineData("restart")]
    [InlineData("kill-silo")]
    [InlineData("start-silo")]
    [InlineData("kill-gateway")]
    [InlineData("start-gateway")]
    [InlineData("restart-redis")]
    [InlineData("stop-redis")]
    [InlineData("start-redis")]
    [InlineData("status")]
    public void Script_handles_and_documents_each_subcommand(string command)
    {
        Assert.Matches(new Regex($@"^#\s+{Regex.Escape(command)}\b", RegexOptions.Multiline), Header);
        Assert.Matches(new Regex($@"^\s+{Regex.Escape(command)}\)", RegexOptions.Multiline), Body);
    }

    [Fact]
    public void Unknown_command_prints_usage_and_fails()
    {
        var (exitCode, _, stderr) = ProcessRunner.Run("bash", ScriptPath, "no-such-command");

        Assert.Equal(2, exitCode);
        Assert.Contains("up", stderr);
        Assert.Contains("kill-silo N", stderr);
    }

    [Fact]
    public void Kill_commands_reject_a_missing_instance_number()
    {
        var (exitCode, _, stderr) = ProcessRunner.Run("bash", ScriptPath, "kill-silo");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("positive number", stderr);
    }

    [Fact]
    public void Redis_is_never_shut_down_with_nosave()
    {
        // SHUTDOWN NOSAVE or SIGKILL would be a crash, not a restart of the persistent store.
        var code = CodeLines(_script);

        Assert.DoesNotContain(code, l => l.Contains("nosave", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("stop_component redis TERM", _script);
    }

    [Fact]
    public void Processes_are_only_signalled_inside_stop_component_after_the_ownership_check()
    {
        var start = Body.IndexOf("stop_component() {", StringComparison.Ordinal);
        var stopComponent = Body[start..];
        stopComponent = stopComponent[..stopComponent.IndexOf("\n}\n", StringComparison.Ordinal)];

        var killsEverywhere = CodeLines(Body).Count(l => l.TrimStart().StartsWith("kill -", StringComparison.Ordinal));
        var killsInside = CodeLines(stopComponent).Count(l => l.TrimStart().StartsWith("kill -", StringComparison.Ordinal));

        Assert.True(killsEverywhere > 0);
        Assert.Equal(killsEverywhere, killsInside);
        Assert.True(stopComponent.IndexOf("is_ours", StringComparison.Ordinal) < stopComponent.IndexOf("kill -", StringComparison.Ordinal));
        Assert.Contains("/proc/$pid/cmdline", Body);
        Assert.Contains("/proc/$pid/environ", Body);
    }

    [Fact]
    public void Nginx_template_placeholders_are_exactly_those_the_script_fills()
    {
        var template = RepoFiles.ReadDeploy("nginx.conf.template");
        var body = string.Join('\n', template.Split('\n').Where(l => !l.TrimStart().StartsWith('#')));
        var inTemplate = Placeholder().Matches(body).Select(m => m.Value).ToHashSet();
        var filled = Placeholder().Matches(Body).Select(m => m.Value).ToHashSet();

        Assert.NotEmpty(inTemplate);
        Assert.Equal(inTemplate, filled);
    }

    [Fact]
    public void Nginx_template_keeps_pid_and_logs_under_the_run_prefix()
    {
        var template = RepoFiles.ReadDeploy("nginx.conf.template");

        Assert.Contains("pid @@PREFIX@@/", template);
        Assert.Contains("error_log @@PREFIX@@/", template);
        Assert.Contains("access_log @@PREFIX@@/", template);
        Assert.DoesNotContain("/var/", template);
        Assert.Contains("listen @@LISTEN@@;", template);
    }

    private static List<string> CodeLines(string text) =>
        text.Split('\n').Where(l => !l.TrimStart().StartsWith('#')).ToList();

    [GeneratedRegex(@"\bTRT_[A-Z0-9_]+\b")]
    private static partial Regex TrtVariable();

    [GeneratedRegex("@@[A-Z_]+@@")]
    private static partial Regex Placeholder();
}
