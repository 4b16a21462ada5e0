namespace TrtOrleans.Gateway.Apis.Contracts;

/// <summary>Answer of the load-balancer probes: {"status":"alive"} or {"status":"ready"}.</summary>
public sealed record ProbeStatus(string Status);
