namespace TrtOrleans.TestSupport;

/// <summary>The one key ring of every test that stores sessions in Redis: a silo on Redis refuses to start without
/// one. A fixed key, so values written by one test host stay readable by the next; it protects nothing real.</summary>
public static class TestKeyRing
{
    public const string KeyId = "k1";

    /// <summary>Base64 of 32 bytes, as <c>openssl rand -base64 32</c> prints it.</summary>
    public const string Key = "dGVzdC1rZXktcmluZy1rZXktb25lLTMyLWJ5dGVzISE=";

    /// <summary>The configuration setting (':' form) and value that configure the ring.</summary>
    public static KeyValuePair<string, string> Setting => new($"Storage:Encryption:Keys:{KeyId}", Key);

    /// <summary>The same as an environment variable, for tests that start the silo or gateway as a process.</summary>
    public static KeyValuePair<string, string> EnvironmentVariable => new($"Storage__Encryption__Keys__{KeyId}", Key);
}
