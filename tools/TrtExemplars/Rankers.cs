using TrtOrleans.Therapy.Contracts;
using TrtOrleans.Therapy.Retrieval;

namespace TrtOrleans.Tools.Exemplars;

/// <summary>The rankers the quality command compares, each an <see cref="ExemplarRetriever"/> with one provider.</summary>
internal sealed class Rankers : IDisposable
{
    public static readonly string[] Names = ["bm25", "minilm", "wordvec"];

    private readonly IDisposable? _owned;

    private Rankers(ExemplarRetriever retriever, IDisposable? owned)
    {
        Retriever = retriever;
        _owned = owned;
    }

    public ExemplarRetriever Retriever { get; }

    public static async Task<Rankers> CreateAsync(string name, ExemplarCorpus corpus, string? vectorsPath)
    {
        MiniLmTextEmbedder? minilm = null;
        ITextEmbedder[] embedders = name switch
        {
            "bm25" => [],
            "minilm" => [minilm = new MiniLmTextEmbedder(1)],
            "wordvec" => [new WordVectorEmbedder(WordVectors.Load(vectorsPath ?? WordVectors.DefaultPath))],
            _ => throw new ArgumentException($"unknown ranker {name}; known: {string.Join(", ", Names)}"),
        };
        var retriever = new ExemplarRetriever(corpus, embedders);
        await retriever.InitializeAsync(CancellationToken.None);
        return new Rankers(retriever, minilm);
    }

    public void Dispose() => _owned?.Dispose();
}
