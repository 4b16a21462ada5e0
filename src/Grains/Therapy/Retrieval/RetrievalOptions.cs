namespace TrtOrleans.Therapy.Retrieval;

/// <summary>Retrieval settings (configuration section <c>Rag</c>, docs/engine.md "Retrieval").</summary>
public sealed class RetrievalOptions
{
    public const string SectionName = "Rag";

    public const string RankerWordVectors = "wordvec";

    public const string RankerMiniLm = "minilm";

    public const string RankerBm25 = "bm25";

    /// <summary>The accepted values of <see cref="Ranker"/>.</summary>
    public static readonly IReadOnlySet<string> Rankers = new HashSet<string>(StringComparer.Ordinal)
    {
        RankerWordVectors, RankerMiniLm, RankerBm25,
    };

    /// <summary>Minimum cosine similarity for an embedding hit. BM25 has its own floor: one shared content term.</summary>
    public double MinScore { get; set; } = 0.35;

    public int TopK { get; set; } = 3;

    /// <summary>Directory of the shipped corpus; null = <c>AppContext.BaseDirectory/TherapyData/exemplars</c>.</summary>
    public string? CorpusDirectory { get; set; }

    /// <summary>Optional directory of imported (legacy) files loaded beside the project's own.</summary>
    public string? ExtraCorpusDirectory { get; set; }

    /// <summary>The local ranker, used when no earlier embedder (Ollama) is registered and working:
    /// <c>wordvec</c> (default: word vectors distilled from MiniLM, microseconds per query), <c>minilm</c> (the
    /// full model, milliseconds per query) or <c>bm25</c>. Measured in docs/retrieval-quality.md.</summary>
    public string Ranker { get; set; } = RankerWordVectors;

    /// <summary>Older switch kept for existing configurations: false = no local model at all (Ollama embeddings
    /// if registered, else BM25), whatever <see cref="Ranker"/> says.</summary>
    public bool UseLocalEmbeddings { get; set; } = true;

    /// <summary>The distilled word-vector table; null = <c>AppContext.BaseDirectory/TherapyData/retrieval/word-vectors.bin</c>.</summary>
    public string? WordVectorsPath { get; set; }

    /// <summary>Texts per embedding call while the corpus vectors are built at startup.</summary>
    public int EmbeddingBatchSize { get; set; } = 32;

    /// <summary>Longest wait for the query's embedding (a remote embedder can hang); past it BM25 answers instead.</summary>
    public TimeSpan QueryEmbeddingTimeout { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromHours(1);
}
