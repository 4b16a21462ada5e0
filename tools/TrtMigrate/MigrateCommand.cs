using Microsoft.Extensions.Hosting;
using Spectre.Console;
using StackExchange.Redis;
using TrtOrleans.Grains.Interfaces;

namespace TrtOrleans.Tools.Migrate;

/// <summary>The command: connects to both sides, runs the <see cref="Migrator"/> under a progress bar and prints the
/// summary. Exit code 0 when nothing failed, 2 when some records failed, 1 when a side could not be reached.</summary>
public static class MigrateCommand
{
    public const int ExitOk = 0;
    public const int ExitUnreachable = 1;
    public const int ExitSomeFailed = 2;

    public static async Task<int> RunAsync(
        string from, bool dryRun, string? clusterRedis, string clusterId, string serviceId, string clientId, IAnsiConsole console, CancellationToken cancellationToken)
    {
        if (!ValidClientId(clientId))
        {
            console.MarkupLine("[red]--client-id must be 1-64 characters of A-Z a-z 0-9 _ . - (a client id of Auth:Keys), or omitted for the no-keys scope.[/]");
            return ExitUnreachable;
        }

        if (!dryRun && string.IsNullOrWhiteSpace(clusterRedis))
        {
            console.MarkupLine("[red]No target cluster: pass --cluster redis://... or set REDIS_URL (or use --dry-run).[/]");
            return ExitUnreachable;
        }

        var sourceOptions = ClusterConnection.ParseRedis(from);
        if (!dryRun && SameDatabase(sourceOptions, ClusterConnection.ParseRedis(clusterRedis!)))
        {
            // The old names (trt:session:..., trt:active_sessions) are those of the cluster's previous layout, which silos
            // still read and move: importing into the source's own database would mix them.
            console.MarkupLine("[red]--from and the cluster's Redis are the same database; the old service's data must live in another one.[/]");
            return ExitUnreachable;
        }

        sourceOptions.AbortOnConnectFail = true;
        ConnectionMultiplexer source;
        try
        {
            source = await ConnectionMultiplexer.ConnectAsync(sourceOptions);
        }
        catch (RedisConnectionException)
        {
            console.MarkupLine($"[red]Cannot reach the old service's Redis at {Markup.Escape(string.Join(", ", sourceOptions.EndPoints))}.[/]");
            return ExitUnreachable;
        }

        await using (source)
        {
            IHost? host = null;
            try
            {
                if (!dryRun)
                {
                    using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    connectTimeout.CancelAfter(TimeSpan.FromSeconds(30));
                    host = await ClusterConnection.ConnectAsync(clusterRedis!, clusterId, serviceId, connectTimeout.Token);
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                console.MarkupLine($"[red]No silo of cluster '{Markup.Escape(clusterId)}' answered within 30 s: start the cluster first.[/]");
                return ExitUnreachable;
            }

            using (host)
            {
                var migrator = new Migrator(new LegacyReader(source.GetDatabase(sourceOptions.DefaultDatabase ?? 0)), host?.Client(), clientId);
                var summary = await RunWithProgressAsync(migrator, console, dryRun, cancellationToken);
                Print(summary, console);
                if (host is not null)
                {
                    await host.StopAsync(CancellationToken.None);
                }

                return summary.Failed.Count > 0 ? ExitSomeFailed : ExitOk;
            }
        }
    }

    /// <summary>The local scope, or a client id as the gateway accepts it in Auth:Keys (it never contains the scope separator).</summary>
    private static bool ValidClientId(string clientId) =>
        clientId == SessionKey.LocalClient
        || (clientId.Length is > 0 and <= 64 && clientId.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'));

    private static bool SameDatabase(ConfigurationOptions a, ConfigurationOptions b) =>
        (a.DefaultDatabase ?? 0) == (b.DefaultDatabase ?? 0)
        && a.EndPoints.Select(e => e.ToString()).Intersect(b.EndPoints.Select(e => e.ToString())).Any();

    private static async Task<MigrationSummary> RunWithProgressAsync(Migrator migrator, IAnsiConsole console, bool dryRun, CancellationToken cancellationToken)
    {
        MigrationSummary? summary = null;
        await console.Progress().AutoClear(false).StartAsync(async ctx =>
        {
            var task = ctx.AddTask(dryRun ? "Checking sessions" : "Importing sessions");
            summary = await migrator.RunAsync((done, total) =>
            {
                task.MaxValue = Math.Max(total, 1);
                task.Value = done;
            }, cancellationToken);
            task.Value = task.MaxValue;
        });
        return summary!;
    }

    private static void Print(MigrationSummary summary, IAnsiConsole console)
    {
        var table = new Table().AddColumn("Result").AddColumn(new TableColumn("Sessions").RightAligned());
        table.AddRow(summary.DryRun ? "would import" : "imported", summary.Imported.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("skipped", summary.Skipped.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("failed", summary.Failed.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        console.Write(table);
        foreach (var (id, reason) in summary.Skipped)
        {
            console.MarkupLine($"[yellow]skipped[/] {Markup.Escape(id)}: {Markup.Escape(reason)}");
        }

        foreach (var (id, reason) in summary.Failed)
        {
            console.MarkupLine($"[red]failed[/]  {Markup.Escape(id)}: {Markup.Escape(reason)}");
        }
    }
}
