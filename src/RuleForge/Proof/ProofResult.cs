using RuleForge.Diagnostics;

namespace RuleForge.Proof;

/// <summary>Every obligation with its outcome, and the diagnostics for the failed ones.</summary>
public sealed record ProofResult(IReadOnlyList<Obligation> Obligations, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when no obligation failed.</summary>
    public bool Holds => Obligations.All(o => o.Status != ObligationStatus.Failed);
}
