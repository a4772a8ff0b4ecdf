using RuleForge.Diagnostics;

namespace RuleForge.Loading;

/// <summary>A YAML node with the position it was read from.</summary>
public abstract record SyntaxNode(SourceLocation Location)
{
    /// <summary>A short word for error messages: "a mapping", "a list", "a scalar".</summary>
    public abstract string KindName { get; }
}
