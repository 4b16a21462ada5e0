namespace TrtOrleans.Gateway.Apis.Contracts;

/// <summary>One active silo and how many session grains it hosts.</summary>
public sealed record SiloView(string Address, int SessionActivations);
