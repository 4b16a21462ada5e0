namespace TrtOrleans.Grains.Persistence;

/// <summary>A session's own AES-256 key (in memory only) and the key-ring key its stored copy is wrapped with.</summary>
public sealed record SessionDataKey(byte[] Key, string WrappedBy)
{
    public override string ToString() => $"SessionDataKey {{ WrappedBy = {WrappedBy} }}";
}
