using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Retrieval;

/// <summary>Hits of one query and the provider that actually ranked them (it differs from
/// <see cref="IExemplarRetriever.Provider"/> when an embedder failed and BM25 stood in for that query).
/// <paramref name="Cacheable"/> is false when the result comes from a failure or a cancellation: an empty list
/// then says nothing about the input and must not be remembered for an hour.</summary>
public sealed record RetrievalOutcome(IReadOnlyList<RetrievedExemplar> Hits, string Provider, bool Cacheable = true);
