using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OllamaSharp;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Llm;

/// <summary>Sentence embeddings from Ollama (docs/engine.md "Retrieval") through OllamaSharp's <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/>.
/// Vectors are L2-normalised. Failures throw: the retriever falls back to the next provider.</summary>
public sealed class OllamaTextEmbedder : ITextEmbedder, IDisposable
{
    internal const int BatchSize = 32;

    private readonly IEmbeddingGenerator<string, Embedding<float>> _generator;
    private readonly string _model;
    private readonly TimeSpan _timeout;
    private readonly bool _ownsGenerator;

    /// <summary>Host constructor; requires <see cref="OllamaOptions.BaseUrl"/> and <see cref="OllamaOptions.EmbeddingModel"/>.</summary>
    public OllamaTextEmbedder(IOptions<OllamaOptions> options)
        : this(CreateGenerator(options.Value), options.Value.EmbeddingModel!, options.Value.CallTimeoutSeconds)
    {
        _ownsGenerator = true;
    }

    public OllamaTextEmbedder(IEmbeddingGenerator<string, Embedding<float>> generator, string model, double timeoutSeconds = 20)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        _generator = generator;
        _model = model;
        _timeout = TimeSpan.FromSeconds(Math.Max(0.001, timeoutSeconds));
    }

    public string Name => "ollama";

    public async Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return [];
        }

        // Batches keep each HTTP call well inside the timeout when the whole corpus is embedded at startup.
        var vectors = new float[texts.Count][];
        for (var start = 0; start < texts.Count; start += BatchSize)
        {
            var batch = texts.Skip(start).Take(BatchSize).ToList();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(_timeout);
            var generated = await _generator
                .GenerateAsync(batch, new EmbeddingGenerationOptions { ModelId = _model }, timeout.Token)
                .ConfigureAwait(false);

            // Messages carry counts only: the texts are client input.
            if (generated.Count != batch.Count)
            {
                throw new InvalidOperationException(
                    $"Ollama returned {generated.Count} embeddings for {batch.Count} texts.");
            }

            for (var i = 0; i < generated.Count; i++)
            {
                var index = start + i;
                var vector = generated[i].Vector.ToArray();
                if (vector.Length == 0 || (index > 0 && vector.Length != vectors[0].Length))
                {
                    throw new InvalidOperationException($"Ollama embedding {index} has {vector.Length} dimensions.");
                }

                vectors[index] = Normalise(vector, index);
            }
        }

        return vectors;
    }

    public void Dispose()
    {
        if (_ownsGenerator)
        {
            _generator.Dispose();
        }
    }

    private static float[] Normalise(float[] vector, int index)
    {
        double sum = 0;
        foreach (var value in vector)
        {
            sum += (double)value * value;
        }

        var norm = Math.Sqrt(sum);
        if (norm == 0 || double.IsNaN(norm) || double.IsInfinity(norm))
        {
            throw new InvalidOperationException($"Ollama embedding {index} cannot be normalised.");
        }

        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = (float)(vector[i] / norm);
        }

        return vector;
    }

    private static OllamaApiClient CreateGenerator(OllamaOptions options)
    {
        if (!options.IsConfigured || string.IsNullOrWhiteSpace(options.EmbeddingModel))
        {
            throw new InvalidOperationException("Ollama embeddings need Ollama:BaseUrl and Ollama:EmbeddingModel.");
        }

        return new OllamaApiClient(new Uri(options.BaseUrl!), options.EmbeddingModel);
    }
}
