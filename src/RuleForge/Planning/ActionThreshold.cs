namespace RuleForge.Planning;

/// <summary>An action and the score at which it applies; null turns a stock action off.</summary>
public sealed record ActionThreshold(string Action, double? Score);
