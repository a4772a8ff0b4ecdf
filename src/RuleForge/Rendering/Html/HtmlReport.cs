using RuleForge.Diagnostics;
using RuleForge.Planning;
using RuleForge.Proof;
using RuleForge.Resolution;

namespace RuleForge.Rendering.Html;

/// <summary>What the HTML report template sees: the proven plan, arranged for reading.</summary>
/// <param name="Plan">The plan the configuration was rendered from.</param>
/// <param name="Proof">The proof over that plan.</param>
/// <param name="Senders">Per trusted sender: a chart per target and the ranges with their provenance.</param>
/// <param name="Warnings">Every warning of the build (validation, resolution, proof), in order.</param>
/// <param name="Selections">What each sender's selection from each feed kept.</param>
public sealed record HtmlReport(
    BuildPlan Plan,
    ProofResult Proof,
    IReadOnlyList<SenderReport> Senders,
    IReadOnlyList<Diagnostic> Warnings,
    IReadOnlyList<SelectionReport> Selections);
