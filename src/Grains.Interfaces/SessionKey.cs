namespace TrtOrleans.Grains.Interfaces;

/// <summary>Session ids are scoped per client: the grain key is "{client_id}~{session_id}", so two clients may use the
/// same session id without seeing each other, and another client's id behaves exactly like a free one. The developer
/// mode without keys uses the bare session id (the <see cref="LocalClient"/> scope); no configured key can reach that
/// scope, so sessions created with authentication off stay invisible once keys are configured.</summary>
public static class SessionKey
{
    /// <summary>Never part of a session id (^[A-Za-z0-9_-]+$) nor of a configured client id (validated at start).</summary>
    public const char Separator = '~';

    /// <summary>The caller identity of the no-keys developer mode. Not a valid configured client id.</summary>
    public const string LocalClient = "(local)";

    public static string For(string clientId, string sessionId) =>
        clientId == LocalClient ? sessionId : string.Concat(clientId, Separator.ToString(), sessionId);

    /// <summary>The owning client and the client-visible session id of a grain key.</summary>
    public static (string ClientId, string SessionId) Parse(string key)
    {
        var at = key.IndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? (LocalClient, key) : (key[..at], key[(at + 1)..]);
    }
}
