using RuleForge.Diagnostics;
using RuleForge.Proof;

namespace RuleForge.Audit;

/// <summary>
/// The findings of an audit, the parts that were read, and, with a policy, the proof against
/// the deployment. <see cref="PolicyDiagnostics"/> holds the policy's own errors when it does not build.
/// </summary>
public sealed record AuditResult(
    IReadOnlyList<Diagnostic> Findings,
    IReadOnlyList<string> Audited,
    ProofResult? Proof,
    IReadOnlyList<Diagnostic> PolicyDiagnostics)
{
    /// <summary>True when a finding or the policy has an error.</summary>
    public bool HasErrors =>
        Findings.Concat(PolicyDiagnostics).Any(d => d.Severity == Severity.Error);
}
