using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>Which LLM navigation point (docs/engine.md "LLM use") a navigator left open for this turn.</summary>
internal enum LlmPoint { None, N1, N2 }

/// <summary>An audit record to emit (type and risk); the rest of the record is filled at emission.</summary>
internal sealed record AuditNote(string Type, RiskLevel Risk);

/// <summary>What the gates or the navigators decided for a turn: the plan plus what the later stages must know.</summary>
internal sealed record TurnOutline(TurnPlan Plan)
{
    /// <summary>G1–G3 turns count toward neither turns_in_substate nor rapport.</summary>
    public bool GateTurn { get; init; }

    /// <summary>Crisis and follow-up turns list the safety resources.</summary>
    public bool SafetyTurn { get; init; }

    public bool CrisisFlag { get; init; }

    /// <summary>The risk reported in safety.risk_level; null = this input's detector risk.</summary>
    public RiskLevel? ReportedRisk { get; init; }

    /// <summary>The follow-up cap was reached: the reply adds the hold note.</summary>
    public bool HoldNote { get; init; }

    /// <summary>The goal changed on this turn (the vision is presented afresh).</summary>
    public bool GoalChanged { get; init; }

    /// <summary>Set when the LLM chose the plan or fell back ("llm: …", "fallback: …").</summary>
    public string? Reasoning { get; init; }

    public LlmPoint Point { get; init; }

    public IReadOnlyList<AuditNote> Audit { get; init; } = [];

    public IReadOnlyList<string> Analytics { get; init; } = [];
}
