using System.CommandLine;
using Spectre.Console;
using TrtOrleans.Tools.Migrate;

// dotnet run --project tools/TrtMigrate -- --from redis://old-host:6379 [--dry-run] [--cluster redis://...]
var from = new Option<string>("--from") { Description = "Redis of the old service, e.g. redis://old-host:6379/0", Required = true };
var dryRun = new Option<bool>("--dry-run") { Description = "Read and validate only; change nothing" };
var cluster = new Option<string?>("--cluster") { Description = "Redis of the target cluster (default: the REDIS_URL variable)" };
var clusterId = new Option<string>("--cluster-id")
{
    Description = "Orleans ClusterId of the target cluster",
    DefaultValueFactory = _ => Environment.GetEnvironmentVariable("Orleans__ClusterId") ?? "trt",
};
var serviceId = new Option<string>("--service-id")
{
    Description = "Orleans ServiceId of the target cluster",
    DefaultValueFactory = _ => Environment.GetEnvironmentVariable("Orleans__ServiceId") ?? "trt-orleans",
};
var root = new RootCommand("Imports the old service's sessions (trt:session:{id}:state/history/meta) into the cluster.")
{
    from, dryRun, cluster, clusterId, serviceId,
};
root.SetAction((parse, cancellationToken) => MigrateCommand.RunAsync(
    parse.GetValue(from)!,
    parse.GetValue(dryRun),
    parse.GetValue(cluster) ?? Environment.GetEnvironmentVariable("REDIS_URL"),
    parse.GetValue(clusterId)!,
    parse.GetValue(serviceId)!,
    AnsiConsole.Console,
    cancellationToken));
return await root.Parse(args).InvokeAsync();
