namespace TrtOrleans.Therapy.Llm;

/// <summary>Settings of the optional LLM (docs/engine.md "LLM use") and of Ollama embeddings (docs/engine.md "Retrieval").
/// The spec names them <c>Ollama:*</c> (BaseUrl, ChatModel, EmbeddingModel) and <c>Llm:*</c> (the rest); the host
/// binds both sections onto this one class.</summary>
public sealed class OllamaOptions
{
    /// <summary>Ollama endpoint, e.g. http://ollama:11434. Null or empty = no LLM: the engine runs deterministically.</summary>
    public string? BaseUrl { get; set; }

    public string ChatModel { get; set; } = "llama3.1";

    /// <summary>Embedding model for retrieval; null = Ollama embeddings are not used.</summary>
    public string? EmbeddingModel { get; set; }

    /// <summary>Upper bound of one HTTP call; fractional values are allowed (tests use short ones).</summary>
    public double CallTimeoutSeconds { get; set; } = 20;

    /// <summary>Budget of all LLM calls of one turn; the engine enforces it, the grain call timeout must exceed it.</summary>
    public double TurnBudgetSeconds { get; set; } = 35;

    public int MaxReplyChars { get; set; } = 300;

    public int MaxVisionReplyChars { get; set; } = 500;

    /// <summary>Phrasing temperature; navigation always uses 0.</summary>
    public float Temperature { get; set; } = 0.2f;

    public double MinConfidence { get; set; } = 0.5;

    public int BreakerFailures { get; set; } = 3;

    public double BreakerOpenSeconds { get; set; } = 60;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(BaseUrl);
}
