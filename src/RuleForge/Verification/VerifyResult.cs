using RuleForge.Diagnostics;

namespace RuleForge.Verification;

/// <summary>Per-daemon findings and the diagnostics for every failure.</summary>
public sealed record VerifyResult(IReadOnlyList<LintFinding> Findings, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when every daemon accepted its part and nothing was missing.</summary>
    public bool Passed => Diagnostics.All(d => d.Severity != Severity.Error);
}
