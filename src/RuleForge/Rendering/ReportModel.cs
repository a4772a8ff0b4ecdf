using RuleForge.Planning;
using RuleForge.Proof;

namespace RuleForge.Rendering;

/// <summary>What the proof report template sees.</summary>
public sealed record ReportModel(BuildPlan Plan, ProofResult Proof);
