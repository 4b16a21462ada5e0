using TrtOrleans.Grains.Admin;
using TrtOrleans.Therapy.Llm;
using TrtOrleans.Therapy.Retrieval;

namespace TrtOrleans.Grains.Hosting;

/// <summary>Health of the engine's dependencies on this silo. The Ollama probe is cached briefly so that health
/// checks from load balancers never turn into a stream of calls to the LLM server.</summary>
public sealed class EngineHealth(OllamaLlmAdvisor llm, ExemplarCorpus corpus, TimeProvider time) : IEngineHealth
{
    public static readonly TimeSpan ProbeCache = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateTimeOffset At, string Value)? _last;

    public string Rag => corpus.Healthy ? HealthValues.Healthy : HealthValues.Unhealthy;

    public string StateMachine => HealthValues.Healthy; // templates and lexicons are validated at construction

    public async Task<string> OllamaAsync()
    {
        if (!llm.Configured)
        {
            return HealthValues.NotConfigured;
        }

        if (llm.BreakerOpen)
        {
            return HealthValues.Unhealthy;
        }

        await _gate.WaitAsync();
        try
        {
            var now = time.GetUtcNow();
            if (_last is { } last && now - last.At < ProbeCache)
            {
                return last.Value;
            }

            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            var ok = await llm.PingAsync(cts.Token);
            var value = ok ? HealthValues.Healthy : HealthValues.Unhealthy;
            _last = (now, value);
            return value;
        }
        finally
        {
            _gate.Release();
        }
    }
}
