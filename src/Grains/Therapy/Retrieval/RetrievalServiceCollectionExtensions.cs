using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Retrieval;

/// <summary>One-call registration of the retrieval stack: corpus → <see cref="ExemplarRetriever"/> (embedders in
/// registration order, then the local ranker of <c>Rag:Ranker</c> — distilled word vectors by default — else BM25)
/// → <see cref="CachingRetriever"/> as
/// <see cref="IExemplarRetriever"/>. An <see cref="IRetrievalCache"/> registered earlier (Redis) wins over the
/// in-memory one. The host must still await <see cref="ExemplarRetriever.InitializeAsync"/> once at startup.</summary>
public static class RetrievalServiceCollectionExtensions
{
    public static IServiceCollection AddExemplarRetrieval(this IServiceCollection services,
        Action<RetrievalOptions>? configure = null)
    {
        var options = services.AddOptions<RetrievalOptions>()
            .Validate(o => RetrievalOptions.Rankers.Contains(o.Ranker), "Rag:Ranker must be wordvec, minilm or bm25");
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<IRetrievalCache>(sp => new InMemoryRetrievalCache(
            sp.GetService<TimeProvider>(), sp.GetRequiredService<IOptions<RetrievalOptions>>().Value.CacheTtl));
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<RetrievalOptions>>().Value;
            return ExemplarCorpus.Load(o.CorpusDirectory, o.ExtraCorpusDirectory);
        });

        // Created only when the retriever asks for them, so a model that is not chosen is never loaded.
        services.TryAddSingleton(_ => new MiniLmTextEmbedder());
        services.TryAddSingleton(sp => WordVectorEmbedder.FromFile(
            sp.GetRequiredService<IOptions<RetrievalOptions>>().Value.WordVectorsPath ?? WordVectors.DefaultPath));
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<RetrievalOptions>>();
            var embedders = sp.GetServices<ITextEmbedder>().ToList();
            ITextEmbedder? local = !o.Value.UseLocalEmbeddings ? null : o.Value.Ranker switch
            {
                RetrievalOptions.RankerWordVectors => sp.GetRequiredService<WordVectorEmbedder>(),
                RetrievalOptions.RankerMiniLm => sp.GetRequiredService<MiniLmTextEmbedder>(),
                _ => null,
            };
            if (local is not null && !embedders.Any(e => e.Name == local.Name))
            {
                embedders.Add(local);
            }

            return new ExemplarRetriever(sp.GetRequiredService<ExemplarCorpus>(), embedders, o,
                sp.GetService<ILogger<ExemplarRetriever>>());
        });
        services.TryAddSingleton(sp => new CachingRetriever(sp.GetRequiredService<ExemplarRetriever>(),
            sp.GetRequiredService<IRetrievalCache>(), sp.GetRequiredService<ExemplarCorpus>(),
            sp.GetService<ILogger<CachingRetriever>>()));
        services.TryAddSingleton<IExemplarRetriever>(sp => sp.GetRequiredService<CachingRetriever>());
        return services;
    }
}
