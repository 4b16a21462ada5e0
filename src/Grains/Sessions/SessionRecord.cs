using TrtOrleans.Grains.Interfaces;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Grains;

/// <summary>The stored document of a session grain (System.Text.Json, see JsonGrainStorageSerializer). Small on
/// purpose: the engine's state, metadata, the newest turn, and two short bounded lists; the 50-exchange history
/// lives in its own Redis list so a turn never rewrites it. Never rename a property: stored sessions must load.</summary>
public sealed class SessionRecord
{
    public EngineState? Engine { get; set; }

    public SessionMetadata? Metadata { get; set; }

    /// <summary>The newest turn's exchange and reply. Written with the state (the commit point of a turn), so a
    /// crash before the history append can be repaired from here.</summary>
    public LastTurn? Last { get; set; }

    /// <summary>Times of accepted inputs inside the rate window, oldest first (at most RateLimit entries).</summary>
    public List<DateTimeOffset> RecentInputs { get; set; } = [];

    /// <summary>The last <see cref="SessionLimits.RequestIdCap"/> request ids, oldest first.</summary>
    public List<string> RequestIds { get; set; } = [];

    /// <summary>Audit outbox: crisis audit records of recent turns, committed with the turn that produced them and
    /// removed by a later write once they are in the audit chain (Safety.AuditOutbox). No client text.</summary>
    public List<Safety.AuditDraft> PendingAudit { get; set; } = [];

    public SessionRecord CloneShallow() => new()
    {
        Engine = Engine,
        Metadata = Metadata,
        Last = Last,
        RecentInputs = [.. RecentInputs],
        RequestIds = [.. RequestIds],
        PendingAudit = [.. PendingAudit],
    };
}

/// <summary>The newest turn, kept in state as the write-ahead record of the history append.</summary>
public sealed record LastTurn(Exchange Exchange, string? RequestId, TherapistResponse Response)
{
    public override string ToString() => $"LastTurn {{ Turn = {Exchange.Turn}, RequestId = {RequestId} }}";
}
