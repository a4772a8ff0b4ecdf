using RuleForge.Diagnostics;

namespace RuleForge.Diagnosis;

/// <summary>The report, or null with the errors that stopped it (no partial report is given).</summary>
public sealed record DiagnosisResult(DiagnosisReport? Report, IReadOnlyList<Diagnostic> Errors);
