using TrtOrleans.Bench;

// trt-bench index --redis redis://127.0.0.1:6379/9 [--members 1000000] [--iterations 500]
// trt-bench engine [--turns 3000]
// trt-bench codec [--iterations 4000]   (a turn's stored value: one frame vs segments, with and without AES-GCM)
// trt-bench compare [--stack local-cluster|embedded | --target URL [--redis URL]] [--duration 20] [--warmup 15] [--sessions 1000] [--smoke]
// trt-bench baseline-server --redis URL --urls http://127.0.0.1:PORT [--rate-limit N]   (started by compare)
// trt-bench http [--url http://127.0.0.1:8090] [--clients 16] [--turns 4000] [--key <api key>]
var command = args.FirstOrDefault() ?? "help";
string Arg(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

Console.WriteLine($"trt-bench {command} · {Environment.ProcessorCount} cores · {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription} · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
return command switch
{
    "index" => await IndexBench.RunAsync(Arg("--redis", "redis://127.0.0.1:6379/9"), int.Parse(Arg("--members", "1000000")), int.Parse(Arg("--iterations", "500"))),
    "engine" => await EngineBench.RunAsync(int.Parse(Arg("--turns", "3000"))),
    "codec" => await CodecBench.RunAsync(int.Parse(Arg("--iterations", "4000"))),
    "compare" => await TrtOrleans.Bench.Compare.CompareCommand.RunAsync(TrtOrleans.Bench.Compare.CompareOptions.Parse(args)),
    "baseline-server" => await TrtOrleans.Bench.Baseline.PlanBaselineServer.RunAsync(Arg("--redis", "redis://127.0.0.1:6379/1"), Arg("--urls", "http://127.0.0.1:8099"), int.Parse(Arg("--rate-limit", "10"))),
    "http" => await HttpBench.RunAsync(Arg("--url", "http://127.0.0.1:8090"), int.Parse(Arg("--clients", "16")), int.Parse(Arg("--turns", "4000")), args.Contains("--key") ? Arg("--key", "") : null),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: trt-bench " + TrtOrleans.Bench.Compare.CompareOptions.Usage);
    Console.WriteLine("usage: trt-bench index --redis <url> [--members N] [--iterations N] | engine [--turns N] | codec [--iterations N] | http [--url U] [--clients N] [--turns N] [--key K]");
    return 2;
}
