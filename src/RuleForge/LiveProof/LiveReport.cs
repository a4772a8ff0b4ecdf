using RuleForge.Live;

namespace RuleForge.LiveProof;

/// <summary>The whole live verification: every scenario's result and what the harness saw.</summary>
public sealed record LiveReport(IReadOnlyList<ScenarioResult> Results, LiveRunResult Run)
{
    /// <summary>Scenarios whose every target agreed.</summary>
    public int Agreed => Results.Count(r => r.Agree);

    /// <summary>Scenarios with at least one disagreement.</summary>
    public int Disagreed => Results.Count - Agreed;
}
