using Microsoft.Extensions.DependencyInjection;
using TrtOrleans.Grains.Analytics;

namespace TrtOrleans.Grains.Tests;

/// <summary>Two silos: limits and counters hold cluster-wide, whichever silo a call enters through.</summary>
public sealed class ClusterWideTests(ClusterWideTests.Fixture fixture) : IClassFixture<ClusterWideTests.Fixture>
{
    public sealed class Fixture : TrtClusterFixture
    {
        protected override short InitialSilos => 2;
    }

    [Fact]
    public async Task RateLimitHoldsAcrossCallersOnBothSilos()
    {
        var id = "s_" + Guid.NewGuid().ToString("N");
        var entries = EntryPoints();
        // Calls through the silos' own grain factories carry the identity the gateway would set (fail-closed cluster).
        TestCaller.As(SessionKey.LocalClient);

        var outcomes = new List<InputOutcome>();
        for (var i = 0; i < 11; i++)
        {
            var via = entries[i % entries.Count].GetGrain<ISessionGrain>(id);
            outcomes.Add(await via.SendInputAsync(SessionPersistenceTests.Input($"note {i} about work")));
        }

        Assert.Equal(10, outcomes.Count(o => o.Status == InputStatus.Processed));
        Assert.Equal(InputStatus.RateLimited, outcomes[^1].Status);
        Assert.True(outcomes[^1].RetryAfterSeconds > 0);
    }

    [Fact]
    public async Task DailyTotalsAreExactAcrossSilosAndAGracefulSiloStop()
    {
        var admin = fixture.Grains.GetGrain<IAdminGrain>(0);
        var day = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime);
        await FlushAllAsync();
        var before = await admin.GetDailyAsync(day);

        var sessions = Enumerable.Range(0, 12).Select(_ => "a_" + Guid.NewGuid().ToString("N")).ToList();
        var sent = 0;
        foreach (var id in sessions)
        {
            for (var i = 0; i < 3; i++)
            {
                await fixture.Grains.GetGrain<ISessionGrain>(id).SendInputAsync(SessionPersistenceTests.Input($"note {i}"));
                sent++;
            }
        }

        // A graceful stop of the second silo flushes what it counted; the first silo flushes on its own period.
        var secondary = fixture.Cluster.SecondarySilos[0];
        await fixture.Cluster.StopSiloAsync(secondary);
        foreach (var id in sessions)
        {
            await fixture.Grains.GetGrain<ISessionGrain>(id).SendInputAsync(SessionPersistenceTests.Input("one more"));
            sent++;
        }

        await FlushAllAsync();
        var after = await admin.GetDailyAsync(day);

        Assert.Equal(sent, after!.TotalInputs - (before?.TotalInputs ?? 0));
        Assert.Equal(sessions.Count, after.SessionsCreated - (before?.SessionsCreated ?? 0));
        Assert.True(after.Events.GetValueOrDefault("decision:clarify_goal") >= sessions.Count);
        await fixture.Cluster.StartAdditionalSiloAsync();
    }

    private List<IGrainFactory> EntryPoints() =>
        [.. fixture.Cluster.GetActiveSilos().Select(s => fixture.Cluster.GetSiloServiceProvider(s.SiloAddress).GetRequiredService<IGrainFactory>())];

    private async Task FlushAllAsync()
    {
        foreach (var silo in fixture.Cluster.GetActiveSilos())
        {
            await fixture.Cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredService<AnalyticsRecorder>().FlushAsync();
        }
    }
}
