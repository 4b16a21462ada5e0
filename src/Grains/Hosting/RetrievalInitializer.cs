using Orleans.Runtime;
using TrtOrleans.Therapy.Retrieval;

namespace TrtOrleans.Grains.Hosting;

/// <summary>Computes the corpus embeddings once while the silo starts, before it takes grain calls (docs/engine.md "Retrieval": corpus
/// vectors at start-up, never per turn).</summary>
public sealed class RetrievalInitializer(ExemplarRetriever retriever, RetrievalMetrics metrics) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle)
    {
        _ = metrics; // created with the silo so the cache counters are published from the start
        lifecycle.Subscribe(nameof(RetrievalInitializer), ServiceLifecycleStage.ApplicationServices, retriever.InitializeAsync);
    }
}
