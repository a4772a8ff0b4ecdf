using RuleForge.Diagnostics;
using RuleForge.Planning;
using RuleForge.Proof;
using RuleForge.Rendering;
using RuleForge.Resolution;

namespace RuleForge.Pipeline;

/// <summary>What a build produced; <see cref="Files"/> is empty unless every stage succeeded.</summary>
public sealed record BuildOutcome(
    BuildPlan? Plan,
    ProofResult? Proof,
    IReadOnlyList<SelectionReport> Selections,
    IReadOnlyList<RenderedFile> Files,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when no stage reported an error.</summary>
    public bool Succeeded => Diagnostics.All(d => d.Severity != Severity.Error);
}
