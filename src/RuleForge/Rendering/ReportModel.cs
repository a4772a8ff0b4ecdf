using RuleForge.Planning;
using RuleForge.Proof;
using RuleForge.Resolution;

namespace RuleForge.Rendering;

/// <summary>What the proof report template sees.</summary>
public sealed record ReportModel(BuildPlan Plan, ProofResult Proof)
{
    /// <summary>What each sender's selection from each feed kept, as in proof.json.</summary>
    public IReadOnlyList<SelectionReport> Selections { get; init; } = [];
}
