namespace RuleForge.Verification;

/// <summary>What one daemon said about the tree: passed or not, and its output.</summary>
public sealed record LintFinding(string Daemon, bool Passed, string Summary, IReadOnlyList<string> Output);
