using Microsoft.Extensions.DependencyInjection;
using TrtOrleans.Therapy.Contracts;
using TrtOrleans.Therapy.Retrieval;

namespace TrtOrleans.Engine.Tests.Retrieval;

public sealed class RetrievalRegistrationTests
{
    /// <summary>Just enough of a container to run the registration's factories (the test project has only the
    /// DI abstractions): singletons from instances or factories, and IEnumerable of a service.</summary>
    private sealed class TinyProvider(IServiceCollection services) : IServiceProvider
    {
        private readonly Dictionary<ServiceDescriptor, object?> _built = [];

        public object? GetService(Type type)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            {
                var element = type.GetGenericArguments()[0];
                var items = services.Where(d => d.ServiceType == element).Select(Build).ToArray();
                var array = Array.CreateInstance(element, items.Length);
                Array.Copy(items, array, items.Length);
                return array;
            }

            var descriptor = services.LastOrDefault(d => d.ServiceType == type);
            return descriptor is null ? null : Build(descriptor);
        }

        private object? Build(ServiceDescriptor d)
        {
            if (!_built.TryGetValue(d, out var value))
            {
                value = d.ImplementationInstance ?? d.ImplementationFactory?.Invoke(this)
                    ?? (d.ImplementationType is { } t ? Activator.CreateInstance(t) : null);
                _built[d] = value;
            }

            return value;
        }
    }

    private sealed class StubCache : IRetrievalCache
    {
        public Task<IReadOnlyList<CachedHit>?> GetAsync(string key, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<CachedHit>?>(null);

        public Task SetAsync(string key, IReadOnlyList<CachedHit> hits, CancellationToken ct) => Task.CompletedTask;
    }

    [Fact]
    public async Task RegistrationBuildsACachingBm25RetrieverOverTheShippedCorpus()
    {
        var services = new ServiceCollection();
        services.AddSingleton(typeof(Microsoft.Extensions.Options.IOptions<RetrievalOptions>),
            Microsoft.Extensions.Options.Options.Create(new RetrievalOptions { Ranker = RetrievalOptions.RankerBm25 }));
        var cache = new StubCache();
        services.AddSingleton<IRetrievalCache>(cache);
        services.AddExemplarRetrieval();
        var provider = new TinyProvider(services);

        var retriever = Assert.IsType<CachingRetriever>(provider.GetService(typeof(IExemplarRetriever)));
        var inner = Assert.IsType<ExemplarRetriever>(provider.GetService(typeof(ExemplarRetriever)));
        await inner.InitializeAsync(CancellationToken.None);

        Assert.Same(cache, provider.GetService(typeof(IRetrievalCache)));
        Assert.True(retriever.CorpusHealthy);
        Assert.Equal("bm25", retriever.Provider);
        Assert.NotEmpty(await retriever.RetrieveAsync(RagQueries.Sensation, "it is in my chest", CancellationToken.None));
    }

    [Fact]
    public async Task DefaultRegistrationRanksWithTheDistilledWordVectorsAndSkipsTheCache()
    {
        var services = new ServiceCollection();
        services.AddSingleton(typeof(Microsoft.Extensions.Options.IOptions<RetrievalOptions>),
            Microsoft.Extensions.Options.Options.Create(new RetrievalOptions()));
        services.AddExemplarRetrieval();
        var provider = new TinyProvider(services);

        var retriever = Assert.IsType<CachingRetriever>(provider.GetService(typeof(IExemplarRetriever)));
        await Assert.IsType<ExemplarRetriever>(provider.GetService(typeof(ExemplarRetriever))).InitializeAsync(CancellationToken.None);

        Assert.Equal(WordVectorEmbedder.ProviderName, retriever.Provider);
        Assert.NotEmpty(await retriever.RetrieveAsync(RagQueries.Sensation, "it is in my chest", CancellationToken.None));
        Assert.Equal(0, retriever.Hits + retriever.Misses);
    }

    [Fact]
    public async Task LegacySwitchOffMeansNoLocalModel()
    {
        var services = new ServiceCollection();
        services.AddSingleton(typeof(Microsoft.Extensions.Options.IOptions<RetrievalOptions>),
            Microsoft.Extensions.Options.Options.Create(new RetrievalOptions { UseLocalEmbeddings = false }));
        services.AddExemplarRetrieval();
        var provider = new TinyProvider(services);

        var inner = Assert.IsType<ExemplarRetriever>(provider.GetService(typeof(ExemplarRetriever)));
        await inner.InitializeAsync(CancellationToken.None);

        Assert.Equal(ExemplarRetriever.Bm25ProviderName, inner.Provider);
    }
}
