using Orleans.Runtime;
using TrtOrleans.Grains.Interfaces;

namespace TrtOrleans.Gateway.Http;

/// <summary>Session grain references without per-request reflection. <c>GetGrain&lt;ISessionGrain&gt;(id)</c> resolves
/// the interface's grain interface type by reading its custom attributes on every call (it showed up in the gateway's
/// CPU profile under load); the grain type and interface type are the same for every session, so they are taken once
/// from a first reference and reused.</summary>
public static class SessionGrainReferences
{
    private static (GrainType Type, GrainInterfaceType Interface)? _resolved;

    public static ISessionGrain SessionGrain(this IGrainFactory factory, string sessionId)
    {
        // A benign race: two first callers resolve the same values.
        var (type, iface) = _resolved ??= Resolve(factory);
        return (ISessionGrain)factory.GetGrain(GrainId.Create(type, sessionId), iface);
    }

    private static (GrainType, GrainInterfaceType) Resolve(IGrainFactory factory)
    {
        var reference = (GrainReference)(object)factory.GetGrain<ISessionGrain>("type-probe");
        return (reference.GrainId.Type, reference.InterfaceType);
    }
}
