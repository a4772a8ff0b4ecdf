namespace RuleForge.Planning;

/// <summary>An action and the score at which it applies.</summary>
public sealed record ActionThreshold(string Action, double Score);
