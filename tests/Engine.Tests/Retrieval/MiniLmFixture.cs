using TrtOrleans.Therapy.Retrieval;

namespace TrtOrleans.Engine.Tests.Retrieval;

/// <summary>One model load and one corpus embedding for every MiniLM test (loading costs about a second).</summary>
public sealed class MiniLmFixture : IAsyncLifetime, IDisposable
{
    public MiniLmTextEmbedder Embedder { get; } = new();

    public ExemplarRetriever Retriever { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Retriever = new ExemplarRetriever(RetrievalTestData.Shipped(), [Embedder]);
        await Retriever.InitializeAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Embedder.Dispose();
}

[CollectionDefinition(Name)]
public sealed class MiniLmCollection : ICollectionFixture<MiniLmFixture>
{
    public const string Name = "minilm";
}
