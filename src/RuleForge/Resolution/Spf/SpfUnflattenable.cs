namespace RuleForge.Resolution.Spf;

/// <summary>A term that cannot become address ranges, and why.</summary>
public sealed record SpfUnflattenable(string Domain, string Term, string Reason);
