namespace TrtOrleans.Therapy.Retrieval;

/// <summary>Retrieval settings (configuration section <c>Rag</c>, trt-engine.md §15.3).</summary>
public sealed class RetrievalOptions
{
    public const string SectionName = "Rag";

    /// <summary>Minimum cosine similarity for an embedding hit. BM25 has its own floor: one shared content term.</summary>
    public double MinScore { get; set; } = 0.35;

    public int TopK { get; set; } = 3;

    /// <summary>Directory of the shipped corpus; null = <c>AppContext.BaseDirectory/TherapyData/exemplars</c>.</summary>
    public string? CorpusDirectory { get; set; }

    /// <summary>Optional directory of imported (legacy) files loaded beside the project's own.</summary>
    public string? ExtraCorpusDirectory { get; set; }

    /// <summary>Use the local MiniLM model (shipped inside its package) when no earlier embedder is available.
    /// Off = Ollama embeddings if registered, else BM25.</summary>
    public bool UseLocalEmbeddings { get; set; } = true;

    /// <summary>Texts per embedding call while the corpus vectors are built at startup.</summary>
    public int EmbeddingBatchSize { get; set; } = 32;

    /// <summary>Longest wait for the query's embedding (a remote embedder can hang); past it BM25 answers instead.</summary>
    public TimeSpan QueryEmbeddingTimeout { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromHours(1);
}
