using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Retrieval;

/// <summary>One-call registration of the retrieval stack: corpus → <see cref="ExemplarRetriever"/> (embedders in
/// registration order, then MiniLM when enabled, else BM25) → <see cref="CachingRetriever"/> as
/// <see cref="IExemplarRetriever"/>. An <see cref="IRetrievalCache"/> registered earlier (Redis) wins over the
/// in-memory one. The host must still await <see cref="ExemplarRetriever.InitializeAsync"/> once at startup.</summary>
public static class RetrievalServiceCollectionExtensions
{
    public static IServiceCollection AddExemplarRetrieval(this IServiceCollection services,
        Action<RetrievalOptions>? configure = null)
    {
        var options = services.AddOptions<RetrievalOptions>();
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

        // Created only when the retriever asks for it, so a disabled local model is never loaded.
        services.TryAddSingleton(_ => new MiniLmTextEmbedder());
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<RetrievalOptions>>();
            var embedders = sp.GetServices<ITextEmbedder>().ToList();
            if (o.Value.UseLocalEmbeddings && !embedders.Any(e => e is MiniLmTextEmbedder))
            {
                embedders.Add(sp.GetRequiredService<MiniLmTextEmbedder>());
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
