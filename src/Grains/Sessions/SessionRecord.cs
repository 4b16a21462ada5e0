using System.Text.Json.Serialization;
using TrtOrleans.Grains.Interfaces;
using TrtOrleans.Grains.Persistence;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Grains;

/// <summary>The stored document of a session grain, written by <see cref="SessionGrainStorage"/> as compressed (and
/// encrypted) System.Text.Json: any property added here persists without format work. It holds the engine's state,
/// metadata, two short bounded lists and the newest exchanges; older exchanges are sealed into history pages by the
/// same write (docs/redis-keys.md). Never rename a property: stored sessions must load.</summary>
public sealed class SessionRecord
{
    public EngineState? Engine { get; set; }

    public SessionMetadata? Metadata { get; set; }

    /// <summary>The newest exchanges, oldest first, not yet sealed into a history page (at least the engine's
    /// recent-exchange window, so the engine state's copy of them compresses to references).</summary>
    public List<StoredTurn> NewestTurns { get; set; } = [];

    /// <summary>Times of accepted inputs inside the rate window, oldest first (at most RateLimit + CrisisBypassLimit entries).</summary>
    public List<DateTimeOffset> RecentInputs { get; set; } = [];

    /// <summary>The last <see cref="SessionLimits.RequestIdCap"/> request ids, oldest first.</summary>
    public List<string> RequestIds { get; set; } = [];

    /// <summary>The session's data key (memory only; stored wrapped in its own Redis key).</summary>
    [JsonIgnore]
    public SessionDataKey? DataKey { get; set; }
    /// <summary>Audit outbox: crisis audit records of recent turns, committed with the turn that produced them and
    /// removed by a later write once they are in the audit chain (Safety.AuditOutbox). No client text.</summary>
    public List<Safety.AuditDraft> PendingAudit { get; set; } = [];

    public SessionRecord CloneShallow() => new()
    {
        Engine = Engine,
        Metadata = Metadata,
        NewestTurns = [.. NewestTurns],
        RecentInputs = [.. RecentInputs],
        RequestIds = [.. RequestIds],
        DataKey = DataKey,
        PendingAudit = [.. PendingAudit],
    };
}
