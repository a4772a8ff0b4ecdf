namespace RuleForge.Resolution.Spf;

/// <summary>A <c>name=value</c> term: redirect, exp, or one receivers ignore.</summary>
public sealed record SpfModifier(string Name, string Value, string Text);
