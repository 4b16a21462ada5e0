using Orleans.Concurrency;
using StackExchange.Redis;
using TrtOrleans.Grains.Hosting;
using TrtOrleans.Grains.Interfaces;

namespace TrtOrleans.Grains.Admin;

[StatelessWorker]
[GrainType("health")]
public sealed class HealthGrain(IEngineHealth engineHealth, IServiceProvider services) : Grain, IHealthGrain
{
    public async Task<SiloHealthReport> CheckAsync()
    {
        var (redis, pingMs) = await RedisAsync();
        return new(redis, await engineHealth.OllamaAsync(), engineHealth.Rag, engineHealth.StateMachine, pingMs);
    }

    private async Task<(string State, double PingMs)> RedisAsync()
    {
        if (services.GetService(typeof(IConnectionMultiplexer)) is not IConnectionMultiplexer redis)
        {
            return (HealthValues.NotConfigured, 0);
        }

        try
        {
            var rtt = await redis.GetDatabase().PingAsync();
            return (HealthValues.Healthy, rtt.TotalMilliseconds);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return (HealthValues.Unhealthy, 0);
        }
    }
}
