using System.CommandLine;
using Spectre.Console;
using TrtOrleans.Grains.Interfaces;
using TrtOrleans.Tools.Migrate;

// dotnet run --project tools/TrtMigrate -- --from redis://old-host:6379 [--dry-run] [--cluster redis://...] [--client-id app-a]
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
var clientId = new Option<string>("--client-id")
{
    Description = "Client id (of Auth:Keys) whose scope the sessions are imported into; default: the no-keys local scope",
    DefaultValueFactory = _ => SessionKey.LocalClient,
};
var root = new RootCommand("Imports the old service's sessions (trt:session:{id}:state/history/meta) into the cluster.")
{
    from, dryRun, cluster, clusterId, serviceId, clientId,
};
root.SetAction((parse, cancellationToken) => MigrateCommand.RunAsync(
    parse.GetValue(from)!,
    parse.GetValue(dryRun),
    parse.GetValue(cluster) ?? Environment.GetEnvironmentVariable("REDIS_URL"),
    parse.GetValue(clusterId)!,
    parse.GetValue(serviceId)!,
    parse.GetValue(clientId)!,
    AnsiConsole.Console,
    cancellationToken));
return await root.Parse(args).InvokeAsync();
