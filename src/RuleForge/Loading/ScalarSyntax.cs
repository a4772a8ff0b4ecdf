using RuleForge.Diagnostics;

namespace RuleForge.Loading;

/// <summary>A scalar as written; <see cref="IsQuoted"/> tells a quoted "3" from a bare 3.</summary>
public sealed record ScalarSyntax(string Value, bool IsQuoted, SourceLocation Location)
    : SyntaxNode(Location)
{
    /// <summary>True for an unquoted empty value, <c>~</c> or <c>null</c>.</summary>
    public bool IsNull => !IsQuoted && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <inheritdoc />
    public override string KindName => IsNull ? "empty" : "a scalar";
}
