using Microsoft.Extensions.AI;
using OllamaSharp;
using TrtOrleans.Engine.Tests.Fakes;
using TrtOrleans.Therapy.Llm;

namespace TrtOrleans.Engine.Tests.Llm;

public class OllamaTextEmbedderTests
{
    [Fact]
    public async Task EmbeddingsAreParsedAndL2Normalised()
    {
        await using var server = new FakeOllamaServer();
        server.Responder = _ => FakeOllamaServer.Embeddings("nomic-embed-text", [3, 4], [0, -2]);
        using var client = new OllamaApiClient(server.BaseUri, "llama3.1");
        var embedder = new OllamaTextEmbedder(client, "nomic-embed-text");

        var vectors = await embedder.EmbedAsync(["tight chest", "heavy shoulders"], CancellationToken.None);

        Assert.Equal("ollama", embedder.Name);
        Assert.Equal(2, vectors.Length);
        Assert.Equal(0.6f, vectors[0][0], 5);
        Assert.Equal(0.8f, vectors[0][1], 5);
        Assert.Equal([0f, -1f], vectors[1]);
        var request = server.Requests.Single();
        Assert.Equal("/api/embed", request.Path);
        Assert.Equal("nomic-embed-text", request.Json!["model"]!.GetValue<string>());
        Assert.Equal(["tight chest", "heavy shoulders"], request.Json["input"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task ManyTextsAreSentInBatchesAndKeepTheirOrder()
    {
        await using var server = new FakeOllamaServer();
        server.Responder = request => FakeOllamaServer.Embeddings("m", [.. request.Json!["input"]!.AsArray()
            .Select(n => new float[] { float.Parse(n!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), 1 })]);
        using var client = new OllamaApiClient(server.BaseUri, "llama3.1");
        var embedder = new OllamaTextEmbedder(client, "m");
        var texts = Enumerable.Range(1, 70).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var vectors = await embedder.EmbedAsync(texts, CancellationToken.None);

        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(70, vectors.Length);
        for (var i = 0; i < 70; i++)
        {
            var expected = (i + 1) / MathF.Sqrt(((i + 1) * (i + 1)) + 1);
            Assert.Equal(expected, vectors[i][0], 5);
        }
    }

    [Fact]
    public async Task ServerErrorThrowsSoTheRetrieverFallsBack()
    {
        await using var server = new FakeOllamaServer();
        server.Responder = _ => FakeOllamaServer.Error(500);
        using var client = new OllamaApiClient(server.BaseUri, "llama3.1");
        var embedder = new OllamaTextEmbedder(client, "nomic-embed-text");

        await Assert.ThrowsAnyAsync<Exception>(() => embedder.EmbedAsync(["a"], CancellationToken.None));
    }

    [Fact]
    public async Task WrongNumberOfVectorsThrows()
    {
        await using var server = new FakeOllamaServer();
        server.Responder = _ => FakeOllamaServer.Embeddings("m", [1, 0]);
        using var client = new OllamaApiClient(server.BaseUri, "llama3.1");
        var embedder = new OllamaTextEmbedder(client, "m");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => embedder.EmbedAsync(["first text", "second text"], CancellationToken.None));
        Assert.DoesNotContain("text", error.Message.Replace("texts", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ZeroVectorThrows()
    {
        await using var server = new FakeOllamaServer();
        server.Responder = _ => FakeOllamaServer.Embeddings("m", [0, 0]);
        using var client = new OllamaApiClient(server.BaseUri, "llama3.1");
        var embedder = new OllamaTextEmbedder(client, "m");

        await Assert.ThrowsAsync<InvalidOperationException>(() => embedder.EmbedAsync(["a"], CancellationToken.None));
    }

    [Fact]
    public async Task NoTextsNeedNoCall()
    {
        var embedder = new OllamaTextEmbedder(new ThrowingGenerator(), "m");

        Assert.Empty(await embedder.EmbedAsync([], CancellationToken.None));
    }

    [Fact]
    public void HostConstructorRequiresAnEmbeddingModel()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new OllamaOptions { BaseUrl = "http://127.0.0.1:1/" });

        Assert.Throws<InvalidOperationException>(() => new OllamaTextEmbedder(options));
    }

    private sealed class ThrowingGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("must not be called");

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
