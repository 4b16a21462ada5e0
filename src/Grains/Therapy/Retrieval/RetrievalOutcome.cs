using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Retrieval;

/// <summary>Hits of one query and the provider that actually ranked them (it differs from
/// <see cref="IExemplarRetriever.Provider"/> when an embedder failed and BM25 stood in for that query).</summary>
public sealed record RetrievalOutcome(IReadOnlyList<RetrievedExemplar> Hits, string Provider);
