using RuleForge.Diagnostics;
using RuleForge.Model;

namespace RuleForge.Validation;

/// <summary>The typed policy (null when any error was found) and every diagnostic.</summary>
public sealed record ValidationResult(Policy? Policy, IReadOnlyList<Diagnostic> Diagnostics);
