namespace RuleForge.Planning;

/// <summary>A trust rule in a content filter: its symbol or rule name and its (negative) score.</summary>
public sealed record ScoredTrust(string SenderId, TrustMechanism Mechanism, string RuleName, double Score);
