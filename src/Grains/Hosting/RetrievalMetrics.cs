using System.Diagnostics.Metrics;
using TrtOrleans.Therapy.Retrieval;

namespace TrtOrleans.Grains.Hosting;

/// <summary>Publishes the retrieval cache's hit and miss counters of this silo on the meter "TrtOrleans.Retrieval"
/// (rag_cache_hits, rag_cache_misses), for any metrics exporter the host adds.</summary>
public sealed class RetrievalMetrics : IDisposable
{
    public const string MeterName = "TrtOrleans.Retrieval";

    private readonly Meter _meter;

    public RetrievalMetrics(IMeterFactory meters, CachingRetriever retriever)
    {
        _meter = meters.Create(MeterName);
        _meter.CreateObservableCounter("rag_cache_hits", () => retriever.Hits, description: "Retrievals answered from the shared cache");
        _meter.CreateObservableCounter("rag_cache_misses", () => retriever.Misses, description: "Retrievals computed and then cached");
    }

    public void Dispose() => _meter.Dispose();
}
