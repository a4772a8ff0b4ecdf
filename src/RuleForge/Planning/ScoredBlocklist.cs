namespace RuleForge.Planning;

/// <summary>A blocklist rule in a content filter and the score it adds when it fires.</summary>
public sealed record ScoredBlocklist(string BlocklistId, string RuleName, double Score);
