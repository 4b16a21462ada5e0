namespace TrtOrleans.Therapy.Contracts;

/// <summary>One exemplar record (docs/engine.md "Reply composition"), as loaded from <c>Data/exemplars/*.jsonl</c>.</summary>
public sealed record Exemplar(
    string Id,
    string TherapistText,
    string ClientText,
    string? Substate,
    string? SituationType,
    string? Technique,
    IReadOnlyList<string> RagContexts,
    IReadOnlyList<string> Tags)
{
    public bool VerbatimOk => Tags.Contains("verbatim_ok");
    public bool HasAck => Tags.Contains("has_ack");
    public bool FromProject => Tags.Contains("source:project");
}

/// <summary>A retrieval hit: the exemplar and its similarity score.</summary>
public sealed record RetrievedExemplar(Exemplar Exemplar, double Score);

/// <summary>Retrieval over the exemplar corpus (docs/engine.md "Reply composition"): filter by rag_query, rank, top 3 above the minimum.
/// Never throws: any failure means "nothing retrieved".</summary>
public interface IExemplarRetriever
{
    Task<IReadOnlyList<RetrievedExemplar>> RetrieveAsync(string ragQuery, string correctedInput, CancellationToken ct);

    /// <summary>Provider name (ollama, minilm, wordvec, bm25) — part of the cache key.</summary>
    string Provider { get; }

    /// <summary>Corpus version hash — part of the cache key.</summary>
    string CorpusVersion { get; }

    /// <summary>False when the corpus failed validation (health shows rag unhealthy).</summary>
    bool CorpusHealthy { get; }
}

/// <summary>Shared cache of retrieval results: ids and scores only, never text (docs/engine.md "Reply composition"). 1 h TTL.
/// Implementations must swallow their own failures (a failure is a miss).</summary>
public interface IRetrievalCache
{
    Task<IReadOnlyList<CachedHit>?> GetAsync(string key, CancellationToken ct);
    Task SetAsync(string key, IReadOnlyList<CachedHit> hits, CancellationToken ct);
}

public sealed record CachedHit(string ExemplarId, double Score);

/// <summary>Sentence embeddings for semantic retrieval (docs/engine.md "Reply composition"): a local model (MiniLM, on the CPU) or Ollama.
/// Vectors are L2-normalised so cosine = dot product.</summary>
public interface ITextEmbedder
{
    /// <summary>Provider name reported in the cache key: "wordvec", "minilm" or "ollama".</summary>
    string Name { get; }

    Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken ct);
}
