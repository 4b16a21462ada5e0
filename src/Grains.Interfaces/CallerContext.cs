namespace TrtOrleans.Grains.Interfaces;

/// <summary>Who is calling, carried in the Orleans RequestContext from the gateway to the grains. Fail-closed: a call
/// that carries no identity is denied everything, except the internal admin and cleanup paths, which mark themselves
/// with <see cref="MarkInternal"/>. Anything that reaches a silo port without going through the gateway therefore
/// sees no session.</summary>
public static class CallerContext
{
    public const string ClientIdKey = "trt.client_id";
    public const string AdminKey = "trt.admin";
    public const string InternalKey = "trt.internal";

    public static void Set(string? clientId, bool isAdmin)
    {
        if (clientId is not null)
        {
            RequestContext.Set(ClientIdKey, clientId);
        }

        if (isAdmin)
        {
            RequestContext.Set(AdminKey, true);
        }
    }

    /// <summary>Marks the current call chain as the cluster's own work: the periodic cleanup reminder, and the
    /// operator's import tool (tools/TrtMigrate), which joins the cluster as an Orleans client. Only code that runs
    /// inside the cluster's trust boundary without an external caller may call this; the gateway never does.</summary>
    public static void MarkInternal() => RequestContext.Set(InternalKey, true);

    /// <summary>The caller's client id, or null when the call carries none.</summary>
    public static string? ClientId => RequestContext.Get(ClientIdKey) as string;

    /// <summary>An admin caller or the cluster's own internal work.</summary>
    public static bool IsPrivileged => RequestContext.Get(AdminKey) is true || RequestContext.Get(InternalKey) is true;

    /// <summary>True when the current caller may use a session owned by <paramref name="owner"/>: its owner, an admin
    /// or internal work. No identity means no access.</summary>
    public static bool MayAccess(string? owner)
    {
        if (IsPrivileged)
        {
            return true;
        }

        var caller = ClientId;
        return caller is not null && owner is not null && string.Equals(owner, caller, StringComparison.Ordinal);
    }

    /// <summary>Throws unless the caller is an admin or internal work (the admin grain's queries and cleanup).</summary>
    public static void DemandPrivileged()
    {
        if (!IsPrivileged)
        {
            throw new UnauthorizedAccessException("This operation needs an admin caller.");
        }
    }
}
