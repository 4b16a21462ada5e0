using TrtOrleans.Grains.Interfaces;

namespace TrtOrleans.Tools.Migrate;

/// <summary>One old-service session as read: either parsed, ready to import, or the reason it cannot be.</summary>
public sealed record LegacyRecord(string SessionId, ImportedSession? Session, string? Problem)
{
    public static LegacyRecord Valid(string id, ImportedSession session) => new(id, session, null);

    public static LegacyRecord Malformed(string id, string problem) => new(id, null, problem);
}
