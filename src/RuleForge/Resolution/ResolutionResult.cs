using RuleForge.Diagnostics;
using RuleForge.Model;

namespace RuleForge.Resolution;

/// <summary>The policy with every feed selection turned into ranges, or null on errors.</summary>
public sealed record ResolutionResult(
    Policy? Policy,
    IReadOnlyList<SelectionReport> Selections,
    IReadOnlyList<Diagnostic> Diagnostics);
