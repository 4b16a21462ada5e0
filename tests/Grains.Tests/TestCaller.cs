namespace TrtOrleans.Grains.Tests;

/// <summary>Who the test client calls the cluster as (see TrtClusterFixture's call filter).</summary>
public static class TestCaller
{
    /// <summary>True: calls carry no identity at all, as from something that reached a silo port directly.</summary>
    public static readonly AsyncLocal<bool> Anonymous = new();

    /// <summary>Calls as <paramref name="clientId"/> (not an admin) for the rest of the current async flow.</summary>
    public static void As(string clientId) => CallerContext.Set(clientId, isAdmin: false);
}
