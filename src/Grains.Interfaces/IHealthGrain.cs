namespace TrtOrleans.Grains.Interfaces;

/// <summary>Silo-side health for the gateway's /health: storage, the engine's corpus and the LLM. A stateless worker,
/// answered by whichever silo the call lands on.</summary>
[Alias("trt.health_grain")]
public interface IHealthGrain : IGrainWithIntegerKey
{
    [Orleans.Concurrency.ReadOnly]
    [Alias("check")]
    Task<SiloHealthReport> CheckAsync();
}

/// <summary>Each value is "healthy", "unhealthy" or "not_configured".</summary>
[GenerateSerializer, Alias("trt.silo_health.v1")]
public sealed record SiloHealthReport(
    [property: Id(0)] string Redis,
    [property: Id(1)] string Ollama,
    [property: Id(2)] string Rag,
    [property: Id(3)] string StateMachine,
    [property: Id(4)] double RedisPingMs);
