namespace TrtOrleans.Gateway.Apis.Contracts;

/// <summary>Answer of GET /api/v1/admin/cluster: the active silos.</summary>
public sealed record ClusterResponse(SiloView[] Silos, DateTimeOffset Timestamp);
