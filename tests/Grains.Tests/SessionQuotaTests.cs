namespace TrtOrleans.Grains.Tests;

/// <summary>The per-client quota of live sessions (Sessions:MaxLiveSessionsPerClient): one client cannot fill Redis.</summary>
public sealed class SessionQuotaTests(SessionQuotaTests.QuotaFixture fixture) : IClassFixture<SessionQuotaTests.QuotaFixture>
{
    [Fact]
    public async Task ACreateBeyondTheClientsQuotaIsRefusedUntilASessionEnds()
    {
        var client = "quota-" + Guid.NewGuid().ToString("N")[..6];
        TestCaller.As(client);
        var ids = Enumerable.Range(0, 3).Select(i => SessionKey.For(client, $"q{i}")).ToArray();
        Assert.True((await fixture.Grains.GetGrain<ISessionGrain>(ids[0]).CreateAsync(new CreateSessionRequest(CallerScopingTests.Metadata(client)))).Created);
        Assert.Equal(InputStatus.Processed, (await fixture.Grains.GetGrain<ISessionGrain>(ids[1]).SendInputAsync(SessionPersistenceTests.Input("hi"))).Status);

        var refused = await fixture.Grains.GetGrain<ISessionGrain>(ids[2]).CreateAsync(new CreateSessionRequest(CallerScopingTests.Metadata(client)));
        var refusedInput = await fixture.Grains.GetGrain<ISessionGrain>(ids[2]).SendInputAsync(SessionPersistenceTests.Input("hi"));
        Assert.True(refused.QuotaExceeded);
        Assert.False(refused.Created);
        Assert.Equal(InputStatus.QuotaExceeded, refusedInput.Status);
        Assert.Null(await fixture.Grains.GetGrain<ISessionGrain>(ids[2]).GetStatusAsync());

        // Existing sessions keep working, other clients have their own quota, and erasing one frees a place.
        Assert.Equal(InputStatus.Processed, (await fixture.Grains.GetGrain<ISessionGrain>(ids[0]).SendInputAsync(SessionPersistenceTests.Input("hi"))).Status);
        TestCaller.As(client + "-other");
        Assert.True((await fixture.Grains.GetGrain<ISessionGrain>(SessionKey.For(client + "-other", "q0")).CreateAsync(
            new CreateSessionRequest(CallerScopingTests.Metadata(client)))).Created);
        TestCaller.As(client);
        Assert.True(await fixture.Grains.GetGrain<ISessionGrain>(ids[0]).EraseAsync());
        Assert.Equal(InputStatus.Processed, (await fixture.Grains.GetGrain<ISessionGrain>(ids[2]).SendInputAsync(SessionPersistenceTests.Input("hi"))).Status);
    }

    public sealed class QuotaFixture : TrtClusterFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Sessions:MaxLiveSessionsPerClient"] = "2",
        };
    }
}
