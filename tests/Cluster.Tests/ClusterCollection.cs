namespace TrtOrleans.Cluster.Tests;

/// <summary>All cluster scenarios share one cluster and run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "local cluster";
}
