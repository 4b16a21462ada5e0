using Microsoft.Extensions.DependencyInjection;
using TrtOrleans.Therapy.Contracts;
using TrtOrleans.Therapy.Retrieval;

namespace TrtOrleans.Grains.Tests;

/// <summary>The retrieval cache in Redis is shared by every silo: a repeat of the same retrieval from another silo is a
/// hit, entries carry ids and scores only, and expire after an hour. Only a model run is cached, so this cluster uses
/// the MiniLM ranker (the default word-vector ranker is cheaper than a cache lookup and bypasses the cache).</summary>
public sealed class RetrievalCacheTests(RetrievalCacheTests.Fixture fixture) : IClassFixture<RetrievalCacheTests.Fixture>
{
    public sealed class Fixture : TrtClusterFixture
    {
        protected override short InitialSilos => 2;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Rag:Ranker"] = "minilm" };
    }

    [Fact]
    public async Task RepeatedRetrievalOnAnotherSiloIsAHitFromTheSharedCache()
    {
        var silos = fixture.Cluster.GetActiveSilos().ToList();
        var first = Retriever(silos[0]);
        var second = Retriever(silos[1]);
        var input = $"my shoulders feel tight whenever my manager emails {Guid.NewGuid():N}";
        var hitsBefore = second.Hits;

        var a = await first.RetrieveAsync(RagQueries.BodyLocation, input, CancellationToken.None);
        var b = await second.RetrieveAsync(RagQueries.BodyLocation, input, CancellationToken.None);

        Assert.Equal(a.Select(h => h.Exemplar.Id), b.Select(h => h.Exemplar.Id));
        Assert.Equal(hitsBefore + 1, second.Hits);
        var db = fixture.Redis.Admin.GetDatabase(fixture.Database);
        var keys = RedisKeys.Scan(fixture.Redis, fixture.Database, fixture.Keys.RetrievalCacheKey("*"));
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            var ttl = await db.KeyTimeToLiveAsync(key);
            Assert.InRange(ttl!.Value, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));
            Assert.DoesNotContain("manager", (string?)await db.StringGetAsync(key) ?? "");
            Assert.DoesNotContain(RagQueries.BodyLocation, key); // a keyed MAC names the entry, nothing readable
        }
    }

    private CachingRetriever Retriever(Orleans.TestingHost.SiloHandle silo) =>
        fixture.Cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredService<CachingRetriever>();
}
