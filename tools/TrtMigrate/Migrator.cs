using TrtOrleans.Grains.Interfaces;

namespace TrtOrleans.Tools.Migrate;

/// <summary>Reads every old session and creates it through the cluster (the session grain's import), one at a time
/// so the cluster sees no burst. Idempotent: the grain leaves an existing session alone, so a rerun (or a run
/// interrupted and started again) imports nothing twice. Sessions land in one client scope (<see cref="SessionKey"/>):
/// the no-keys local scope by default, or the scope of the client id whose key the old service's clients will use.</summary>
public sealed class Migrator(LegacyReader reader, IGrainFactory? grains, string clientId = SessionKey.LocalClient)
{
    /// <summary><paramref name="grains"/> null: a dry run, which only reads and validates.</summary>
    public async Task<MigrationSummary> RunAsync(Action<int, int>? progress = null, CancellationToken cancellationToken = default)
    {
        var summary = new MigrationSummary { DryRun = grains is null };
        var ids = await reader.ListIdsAsync();
        progress?.Invoke(0, ids.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await MigrateOneAsync(ids[i], summary);
            progress?.Invoke(i + 1, ids.Count);
        }

        return summary;
    }

    private async Task MigrateOneAsync(string id, MigrationSummary summary)
    {
        var record = await reader.ReadAsync(id);
        if (record.Session is null)
        {
            summary.Failed.Add((id, record.Problem ?? "unreadable"));
            return;
        }

        if (grains is null)
        {
            summary.Imported.Add(id);
            return;
        }

        try
        {
            // The import is an operator path, not a client's call: the grain demands a privileged caller.
            CallerContext.MarkInternal();
            switch (await grains.GetGrain<ISessionImportGrain>(SessionKey.For(clientId, id)).ImportAsync(record.Session))
            {
                case ImportStatus.Imported:
                    summary.Imported.Add(id);
                    break;
                case ImportStatus.AlreadyExists:
                    summary.Skipped.Add((id, "already exists in the cluster"));
                    break;
                case ImportStatus.Expired:
                    summary.Skipped.Add((id, "expired (last interaction older than the session expiry)"));
                    break;
            }
        }
        catch (ArgumentException ex)
        {
            summary.Failed.Add((id, ex.Message));
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException or InvalidOperationException)
        {
            summary.Failed.Add((id, $"cluster call failed ({ex.GetType().Name})"));
        }
    }
}
