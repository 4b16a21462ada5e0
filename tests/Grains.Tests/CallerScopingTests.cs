namespace TrtOrleans.Grains.Tests;

/// <summary>Fail-closed ownership inside the cluster: a grain call without a caller identity sees nothing, another
/// client is denied a session in someone else's scope, and only admins and internal work reach the admin grain.</summary>
public sealed class CallerScopingTests(TrtClusterFixture fixture) : IClassFixture<TrtClusterFixture>
{
    [Fact]
    public async Task ACallWithoutCallerIdentityIsDeniedEverything()
    {
        var id = "anon_" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(InputStatus.Processed, (await fixture.Grains.GetGrain<ISessionGrain>(id).SendInputAsync(SessionPersistenceTests.Input("hello"))).Status);

        TestCaller.Anonymous.Value = true;
        var grain = fixture.Grains.GetGrain<ISessionGrain>(id);
        Assert.Null(await grain.GetStatusAsync());
        Assert.Null(await grain.GetHistoryAsync(10));
        Assert.Equal(InputStatus.NotFound, (await grain.SendInputAsync(SessionPersistenceTests.Input("hello again"))).Status);
        Assert.False(await grain.EraseAsync());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => grain.RemoveIfInactiveAsync(TimeSpan.Zero));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => fixture.Grains.GetGrain<IAdminGrain>(0).ListSessionsAsync(10, null));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => fixture.Grains.GetGrain<IAdminGrain>(0).CleanupAsync(TimeSpan.Zero));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(
            () => fixture.Grains.GetGrain<ISessionGrain>("fresh_" + id).CreateAsync(new CreateSessionRequest(Metadata(null))));

        TestCaller.Anonymous.Value = false;
        Assert.Equal(1, (await fixture.Grains.GetGrain<ISessionGrain>(id).GetStatusAsync())!.TurnCount);
    }

    [Fact]
    public async Task AClientIsDeniedASessionInAnotherClientsScopeAndTheSessionIdStaysUnscopedOnTheWire()
    {
        var id = "sc_" + Guid.NewGuid().ToString("N")[..8];
        TestCaller.As("app-a");
        var mine = fixture.Grains.GetGrain<ISessionGrain>(SessionKey.For("app-a", id));
        var reply = await mine.SendInputAsync(SessionPersistenceTests.Input("hello"));
        Assert.Equal(id, reply.Response!.SessionId);
        Assert.Equal(id, (await mine.GetStatusAsync())!.SessionId);

        TestCaller.As("app-b");
        Assert.Null(await fixture.Grains.GetGrain<ISessionGrain>(SessionKey.For("app-a", id)).GetStatusAsync());
        Assert.False(await fixture.Grains.GetGrain<ISessionGrain>(SessionKey.For("app-a", id)).EraseAsync());

        // The same id in app-b's own scope is a different, free session.
        var theirs = fixture.Grains.GetGrain<ISessionGrain>(SessionKey.For("app-b", id));
        Assert.Null(await theirs.GetStatusAsync());
        Assert.True((await theirs.CreateAsync(new CreateSessionRequest(Metadata("app-b")))).Created);

        TestCaller.As("app-a");
        Assert.Equal(1, (await mine.GetStatusAsync())!.TurnCount);
    }

    [Fact]
    public void CallerContextWithoutIdentityDeniesAndPrivilegedCallersPass()
    {
        Assert.False(CallerContext.MayAccess("app-a"));
        Assert.False(CallerContext.MayAccess(null));
        CallerContext.Set("app-a", isAdmin: false);
        Assert.True(CallerContext.MayAccess("app-a"));
        Assert.False(CallerContext.MayAccess("app-b"));
        Assert.False(CallerContext.IsPrivileged);
        CallerContext.MarkInternal();
        Assert.True(CallerContext.MayAccess("app-b"));
    }

    internal static SessionMetadata Metadata(string? clientId) =>
        new(clientId, null, null, SessionMetadata.ViaCreateEndpoint, null, []);
}
