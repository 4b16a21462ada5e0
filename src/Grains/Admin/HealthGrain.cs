using Orleans.Concurrency;
using StackExchange.Redis;
using TrtOrleans.Grains.Hosting;
using TrtOrleans.Grains.Interfaces;

namespace TrtOrleans.Grains.Admin;

[StatelessWorker]
[GrainType("health")]
public sealed class HealthGrain(IEngineHealth engineHealth, IServiceProvider services) : Grain, IHealthGrain
{
    public async Task<SiloHealthReport> CheckAsync() => new(
        await RedisAsync(),
        await engineHealth.OllamaAsync(),
        engineHealth.Rag,
        engineHealth.StateMachine);

    private async Task<string> RedisAsync()
    {
        if (services.GetService(typeof(IConnectionMultiplexer)) is not IConnectionMultiplexer redis)
        {
            return HealthValues.NotConfigured;
        }

        try
        {
            await redis.GetDatabase().PingAsync();
            return HealthValues.Healthy;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthValues.Unhealthy;
        }
    }
}

public static class HealthValues
{
    public const string Healthy = "healthy";
    public const string Unhealthy = "unhealthy";
    public const string NotConfigured = "not_configured";
}
