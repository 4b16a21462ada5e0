using StackExchange.Redis;

namespace TrtOrleans.Grains.Persistence;

/// <summary>Whether the session storage is reachable right now. Lets a turn fail at once while Redis is away,
/// instead of after a chain of command timeouts (the gateway answers 503 with Retry-After either way).</summary>
public interface IStorageAvailability
{
    bool IsAvailable { get; }
}

public sealed class RedisStorageAvailability(IConnectionMultiplexer redis) : IStorageAvailability
{
    public bool IsAvailable => redis.IsConnected;
}

public sealed class InMemoryStorageAvailability : IStorageAvailability
{
    public bool IsAvailable => true;
}
