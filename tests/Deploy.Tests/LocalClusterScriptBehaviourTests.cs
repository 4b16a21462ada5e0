using System.Diagnostics;

namespace TrtOrleans.Deploy.Tests;

/// <summary>
/// Runs deploy/local-cluster.sh against a private state directory (TRT_RUN_DIR) with stand-in
/// processes, to pin down its promise: it stops exactly what it started and nothing else.
/// </summary>
public sealed class LocalClusterScriptBehaviourTests : IDisposable
{
    private const string ScriptPath = "deploy/local-cluster.sh";

    private readonly string _runDir = Directory.CreateTempSubdirectory("trt-lc-test-").FullName;
    private readonly List<Process> _standIns = [];

    private string PidDir => Path.Combine(_runDir, "pids");

    public void Dispose()
    {
        foreach (var process in _standIns)
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit();
            }

            process.Dispose();
        }

        Directory.Delete(_runDir, recursive: true);
    }

    [Fact]
    public void Down_with_nothing_started_succeeds()
    {
        var (exitCode, _, stderr) = RunScript("down");

        Assert.Equal(0, exitCode);
        Assert.Contains("nothing started by this script is running", stderr);
    }

    [Fact]
    public void Down_stops_a_process_whose_command_line_and_tag_match_its_pid_file()
    {
        var ours = StartStandIn(tag: $"{_runDir}:silo-1");
        WritePidFile("silo-1", ours.Id, "sleep", $"{_runDir}:silo-1");

        var (exitCode, _, _) = RunScript("down");

        Assert.Equal(0, exitCode);
        Assert.True(ours.WaitForExit(TimeSpan.FromSeconds(10)), "the started process survived down");
        Assert.False(File.Exists(Path.Combine(PidDir, "silo-1.pid")));
    }

    [Fact]
    public void Down_never_signals_a_pid_whose_command_line_is_not_the_recorded_one()
    {
        // A pid file left from an earlier run whose pid now belongs to an unrelated process.
        var stranger = StartStandIn(tag: null);
        WritePidFile("silo-1", stranger.Id, "TrtOrleans.Silo.dll", $"{_runDir}:silo-1");

        var (exitCode, _, stderr) = RunScript("down");

        Assert.Equal(0, exitCode);
        Assert.False(stranger.HasExited);
        Assert.Contains("not the process we started", stderr);
        Assert.False(File.Exists(Path.Combine(PidDir, "silo-1.pid")));
    }

    [Fact]
    public void Down_never_signals_a_matching_command_line_that_lacks_the_run_tag()
    {
        // Same program, but started by someone else (another checkout, another user's cluster).
        var stranger = StartStandIn(tag: "/elsewhere/.run:silo-1");
        WritePidFile("silo-1", stranger.Id, "sleep", $"{_runDir}:silo-1");

        var (exitCode, _, _) = RunScript("down");

        Assert.Equal(0, exitCode);
        Assert.False(stranger.HasExited);
    }

    [Fact]
    public void Kill_silo_sends_sigkill_to_its_own_process_and_prints_the_pid()
    {
        var ours = StartStandIn(tag: $"{_runDir}:silo-2");
        WritePidFile("silo-2", ours.Id, "sleep", $"{_runDir}:silo-2");

        var (exitCode, stdout, _) = RunScript("kill-silo", "2");

        Assert.Equal(0, exitCode);
        Assert.Equal(ours.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), stdout.Trim());
        Assert.True(ours.WaitForExit(TimeSpan.FromSeconds(10)));
        Assert.False(File.Exists(Path.Combine(PidDir, "silo-2.pid")));
    }

    [Fact]
    public void Kill_silo_refuses_when_that_silo_is_not_running()
    {
        var (exitCode, _, stderr) = RunScript("kill-silo", "1");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("silo-1 is not running", stderr);
    }

    [Fact]
    public void Up_refuses_while_a_component_it_started_is_still_running()
    {
        var ours = StartStandIn(tag: $"{_runDir}:gateway-1");
        WritePidFile("gateway-1", ours.Id, "sleep", $"{_runDir}:gateway-1");

        var (exitCode, _, stderr) = RunScript("up");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("already up", stderr);
        Assert.False(ours.HasExited, "a refused up must not stop what is running");
    }

    [Fact]
    public void Start_silo_refuses_when_the_cluster_is_not_up()
    {
        var (exitCode, _, stderr) = RunScript("start-silo", "1");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("not up", stderr);
    }

    [Fact]
    public void Status_lists_every_configured_component_with_its_ports()
    {
        var (exitCode, stdout, _) = RunScript(
            new Dictionary<string, string> { ["TRT_SILOS"] = "3", ["TRT_GATEWAYS"] = "1", ["TRT_SILO_PORT_BASE"] = "21111" },
            "status");

        Assert.Equal(0, exitCode);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["redis", "silo-1", "silo-2", "silo-3", "gateway-1", "nginx"], lines.Select(l => l.Split(' ')[0]));
        Assert.All(lines, l => Assert.Contains("alive=no", l));
        Assert.Contains("silo_port=21113", lines[3]);
    }

    [Fact]
    public void Keyring_makes_a_private_key_ring_file_once_and_never_replaces_it()
    {
        var (exitCode, stdout, _) = RunScript("keyring");
        var file = Path.Combine(_runDir, "keyring.json");
        var first = File.ReadAllText(file);
        var (again, _, _) = RunScript("keyring");

        Assert.Equal(0, exitCode);
        Assert.Equal(0, again);
        Assert.Equal(file, stdout.Trim());
        Assert.Equal("600", ProcessRunner.Run("stat", "-c", "%a", file).StdOut.Trim());
        Assert.Equal(first, File.ReadAllText(file));
        using var ring = System.Text.Json.JsonDocument.Parse(first);
        var primary = ring.RootElement.GetProperty("primary_key_id").GetString()!;
        Assert.Equal(32, Convert.FromBase64String(ring.RootElement.GetProperty("keys").GetProperty(primary).GetString()!).Length);
    }

    [Fact]
    public void Start_silo_refuses_when_the_key_ring_of_a_running_cluster_is_missing()
    {
        File.WriteAllText(Path.Combine(_runDir, "cluster.env"), "");

        var (exitCode, _, stderr) = RunScript("start-silo", "1");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("keyring.json is missing", stderr);
        Assert.False(File.Exists(Path.Combine(_runDir, "keyring.json")), "a missing key ring must never be replaced by a new one");
    }

    [Fact]
    public void Silos_and_gateways_get_the_key_ring_file_and_up_makes_it_before_anything_starts()
    {
        var script = File.ReadAllText(Path.Combine(RepoFiles.Root, ScriptPath));

        Assert.Contains("\"Storage__Encryption__KeyRingFile=$KEYRING_FILE\"", script);
        Assert.Matches(@"ensure_keyring\s+save_state\s", script);
    }

    private Process StartStandIn(string? tag)
    {
        var info = new ProcessStartInfo("sleep", "300") { UseShellExecute = false };
        if (tag is not null)
        {
            info.Environment["TRT_LC_TAG"] = tag;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start sleep");
        _standIns.Add(process);
        return process;
    }

    private void WritePidFile(string component, int pid, string commandLineMatch, string tag)
    {
        Directory.CreateDirectory(PidDir);
        File.WriteAllText(Path.Combine(PidDir, component + ".pid"), $"{pid}\n{commandLineMatch}\n{tag}\n");
    }

    private (int ExitCode, string StdOut, string StdErr) RunScript(params string[] args) =>
        RunScript(new Dictionary<string, string>(), args);

    private (int ExitCode, string StdOut, string StdErr) RunScript(Dictionary<string, string> environment, params string[] args)
    {
        environment["TRT_RUN_DIR"] = _runDir;
        environment["TRT_STOP_GRACE"] = "5";
        return ProcessRunner.Run("bash", environment, [ScriptPath, .. args]);
    }
}
