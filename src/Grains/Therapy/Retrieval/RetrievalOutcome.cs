using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Retrieval;

/// <summary>Hits of one query and the provider that actually ranked them (it differs from
/// <see cref="IExemplarRetriever.Provider"/> when an embedder failed and BM25 stood in for that query).</summary>
public sealed record RetrievalOutcome(IReadOnlyList<RetrievedExemplar> Hits, string Provider);

/// <summary>A retriever that can say which provider served each query, so that a cache never files a fallback
/// result under the primary provider's key.</summary>
public interface IProviderReportingRetriever : IExemplarRetriever
{
    Task<RetrievalOutcome> RetrieveWithProviderAsync(string ragQuery, string correctedInput, CancellationToken ct);
}
