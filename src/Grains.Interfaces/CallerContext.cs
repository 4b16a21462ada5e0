namespace TrtOrleans.Grains.Interfaces;

/// <summary>Who is calling, carried in the Orleans RequestContext from the gateway to the grains (api.md: a session
/// belongs to the client that created it; another client's key gets 404 for it).</summary>
public static class CallerContext
{
    public const string ClientIdKey = "trt.client_id";
    public const string AdminKey = "trt.admin";

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

    /// <summary>True when the current caller may see a session owned by <paramref name="owner"/>.</summary>
    public static bool MayAccess(string? owner)
    {
        var caller = RequestContext.Get(ClientIdKey) as string;
        return owner is null || caller is null || RequestContext.Get(AdminKey) is true || owner == caller;
    }
}
