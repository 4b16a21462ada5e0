using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Retrieval;

/// <summary>A retriever that can say which provider served each query, so that a cache never files a fallback
/// result under the primary provider's key.</summary>
public interface IProviderReportingRetriever : IExemplarRetriever
{
    Task<RetrievalOutcome> RetrieveWithProviderAsync(string ragQuery, string correctedInput, CancellationToken ct);
}
