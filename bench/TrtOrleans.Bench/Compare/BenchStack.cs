using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TrtOrleans.Bench.Compare;

/// <summary>What a compare run measures and, unless it was given a running stack, starts and stops: the product
/// (local cluster through deploy/local-cluster.sh, or the one-process deployment) on a Redis with the append-only
/// file (everysec), and the plan baseline beside it on the same Redis server (database 1, so its plan-named keys
/// never meet the product's).</summary>
internal sealed class BenchStack : IAsyncDisposable
{
    private readonly List<Func<Task>> _stops = [];

    public required string Description { get; init; }

    public required Uri ProductUrl { get; init; }

    public string? RedisUrl { get; init; }

    /// <summary>Product processes by role ("gateway", "silo", "gateway+silo", "redis") for CPU accounting.</summary>
    public Dictionary<string, int> ProductPids { get; } = [];

    public Uri? BaselineUrl { get; private set; }

    public int? BaselinePid { get; private set; }

    /// <summary>Repository root: the directory holding TrtOrleans.sln above this program.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TrtOrleans.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run trt-bench from the repository (TrtOrleans.sln not found above it)");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>deploy/local-cluster.sh up with 1 silo + 1 gateway on free ports in a private run directory; the
    /// benchmark talks to the gateway directly (nginx, which only proxies, stays out of the measured path).</summary>
    public static async Task<BenchStack> LocalClusterAsync(IReadOnlyDictionary<string, string> productEnv, bool noBuild, string appendFsync)
    {
        var root = RepoRoot();
        var runDir = Directory.CreateTempSubdirectory("trt-bench-lc-").FullName;
        var env = new Dictionary<string, string>(productEnv)
        {
            ["TRT_RUN_DIR"] = runDir,
            ["TRT_SILOS"] = "1",
            ["TRT_GATEWAYS"] = "1",
            ["TRT_PORT"] = $"{FreePort()}",
            ["TRT_REDIS_PORT"] = $"{FreePort()}",
            ["TRT_SILO_PORT_BASE"] = $"{FreePort()}",
            ["TRT_GATEWAY_PORT_BASE"] = $"{FreePort()}",
            ["TRT_SILO_HTTP_BASE"] = $"{FreePort()}",
            ["TRT_GW_HTTP_BASE"] = $"{FreePort()}",
            ["TRT_CLUSTER_ID"] = $"bench-{Guid.NewGuid():N}"[..14],
            ["TRT_APPENDFSYNC"] = appendFsync,
        };
        if (noBuild)
        {
            env["TRT_NO_BUILD"] = "1";
        }

        var script = Path.Combine(root, "deploy", "local-cluster.sh");
        Console.WriteLine($"starting: deploy/local-cluster.sh up (1 silo + 1 gateway, run dir {runDir}) ...");
        var (code, output) = await RunAsync(script, "up", env, root);
        var values = output.Split('\n').Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1].Trim());
        var stack = new BenchStack
        {
            Description = "local cluster: deploy/local-cluster.sh, 1 silo + 1 gateway (measured at the gateway, nginx bypassed)",
            ProductUrl = new Uri(values.GetValueOrDefault("GATEWAY_1_URL") ?? "http://invalid"),
            RedisUrl = values.GetValueOrDefault("REDIS_URL"),
        };
        var keepLogs = code != 0;
        stack._stops.Add(async () =>
        {
            await RunAsync(script, "down", env, root);
            if (!keepLogs)
            {
                Directory.Delete(runDir, recursive: true);
            }
        });
        if (code != 0)
        {
            await stack.DisposeAsync();
            throw new InvalidOperationException($"local-cluster.sh up failed ({code}); its logs are in {runDir}/logs");
        }

        foreach (var (key, role) in new[] { ("GATEWAY_1_PID", "gateway"), ("SILO_1_PID", "silo"), ("REDIS_PID", "redis") })
        {
            if (int.TryParse(values.GetValueOrDefault(key), out var pid))
            {
                stack.ProductPids[role] = pid;
            }
        }

        return stack;
    }

    /// <summary>The one-process deployment: a Redis started here (AOF everysec) and the gateway with its silo inside
    /// (REDIS_URL + Gateway:EmbeddedSilo=true).</summary>
    public static async Task<BenchStack> EmbeddedAsync(IReadOnlyDictionary<string, string> productEnv, string configuration, string appendFsync)
    {
        var root = RepoRoot();
        var gatewayDll = Path.Combine(root, "src", "Gateway", "bin", configuration, "net10.0", "TrtOrleans.Gateway.dll");
        if (!File.Exists(gatewayDll))
        {
            Console.WriteLine($"building src/Gateway ({configuration}) ...");
            var (built, _) = await RunAsync("dotnet", $"build -c {configuration} -nologo -v q src/Gateway/Gateway.csproj", new Dictionary<string, string>(), root);
            if (built != 0)
            {
                throw new InvalidOperationException("building src/Gateway failed");
            }
        }

        var redisDir = Directory.CreateTempSubdirectory("trt-bench-redis-").FullName;
        var redisPort = FreePort();
        var (started, _) = await RunAsync("redis-server",
            $"--port {redisPort} --bind 127.0.0.1 --dir {redisDir} --appendonly yes --appendfsync {appendFsync} --save \"\" --daemonize yes --pidfile {redisDir}/redis.pid --logfile {redisDir}/redis.log",
            new Dictionary<string, string>(), root);
        if (started != 0)
        {
            throw new InvalidOperationException("redis-server did not start (apt-get install -y redis-server)");
        }

        var redisUrl = $"redis://127.0.0.1:{redisPort}/0";
        var httpPort = FreePort();
        var env = new Dictionary<string, string>(productEnv)
        {
            ["REDIS_URL"] = redisUrl,
            ["Gateway__EmbeddedSilo"] = "true",
            // A silo on Redis needs a key ring; this Redis lives only for the run, so a fresh key will do.
            ["Storage__Encryption__Keys__bench"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}",
            ["Orleans__SiloPort"] = $"{FreePort()}",
            ["Orleans__GatewayPort"] = $"{FreePort()}",
            ["Orleans__ClusterId"] = $"bench-{Guid.NewGuid():N}"[..14],
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var gateway = StartDotnet(gatewayDll, [], env, root);
        var stack = new BenchStack
        {
            Description = $"embedded: one process (gateway with its silo inside, {configuration} build)",
            ProductUrl = new Uri($"http://127.0.0.1:{httpPort}"),
            RedisUrl = redisUrl,
        };
        stack.ProductPids["gateway_with_silo"] = gateway.Id;
        stack._stops.Add(async () =>
        {
            await StopAsync(gateway);
            await RunAsync("redis-cli", $"-p {redisPort} shutdown nosave", new Dictionary<string, string>(), root);
            Directory.Delete(redisDir, recursive: true);
        });
        await stack.WaitReadyAsync(stack.ProductUrl, gateway);
        return stack;
    }

    public static BenchStack Target(Uri url, string? redisUrl) =>
        new() { Description = $"running stack at {url}", ProductUrl = url, RedisUrl = redisUrl };

    /// <summary>Starts the plan baseline (this program's baseline-server command) on <paramref name="redisUrl"/>.</summary>
    public async Task StartBaselineAsync(string redisUrl, IReadOnlyDictionary<string, string> env, int rateLimit)
    {
        var port = FreePort();
        var self = typeof(BenchStack).Assembly.Location;
        var process = StartDotnet(self, ["baseline-server", "--redis", redisUrl, "--urls", $"http://127.0.0.1:{port}", "--rate-limit", $"{rateLimit}"], env, RepoRoot());
        _stops.Insert(0, () => StopAsync(process));
        BaselineUrl = new Uri($"http://127.0.0.1:{port}");
        BaselinePid = process.Id;
        await WaitReadyAsync(BaselineUrl, process);
    }

    private async Task WaitReadyAsync(Uri url, Process process)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(180))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{url} exited with code {process.ExitCode} before it was ready");
            }

            try
            {
                if ((await http.GetAsync(new Uri(url, "/health/ready"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{url} not ready within 180 s");
    }

    private static Process StartDotnet(string dll, string[] args, IReadOnlyDictionary<string, string> env, string workDir)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workDir, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (k, v) in env)
        {
            info.Environment[k] = v;
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { }; // drained, not shown: the benchmark prints its own summary
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                Console.Error.WriteLine($"  [{Path.GetFileNameWithoutExtension(dll)}] {line}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task StopAsync(Process process)
    {
        if (process.HasExited)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", $"{process.Id}"]))
        {
            await term.WaitForExitAsync();
        }

        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string args, IReadOnlyDictionary<string, string> env, string workDir)
    {
        var info = new ProcessStartInfo(file, args) { WorkingDirectory = workDir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (k, v) in env)
        {
            info.Environment[k] = v;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var errors = await stderr;
        if (process.ExitCode != 0 && errors.Length > 0)
        {
            Console.Error.WriteLine(errors.TrimEnd());
        }

        return (process.ExitCode, await stdout);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var stop in _stops)
        {
            try
            {
                await stop();
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                Console.Error.WriteLine($"cleanup: {ex.Message}");
            }
        }

        _stops.Clear();
    }
}
