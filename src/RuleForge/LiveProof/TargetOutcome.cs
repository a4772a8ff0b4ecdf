namespace RuleForge.LiveProof;

/// <summary>One target's predicted and observed outcome for a scenario, and whether they agree.</summary>
public sealed record TargetOutcome(string Target, string Predicted, string Observed, bool Agree);
