namespace RuleForge.Loading;

/// <summary>One key and its value in a mapping.</summary>
public sealed record EntrySyntax(ScalarSyntax Key, SyntaxNode Value);
