using RuleForge.Diagnostics;

namespace RuleForge.Loading;

/// <summary>A YAML sequence.</summary>
public sealed record SequenceSyntax(IReadOnlyList<SyntaxNode> Items, SourceLocation Location)
    : SyntaxNode(Location)
{
    /// <inheritdoc />
    public override string KindName => "a list";
}
