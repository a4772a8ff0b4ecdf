using RuleForge.Diagnostics;

namespace RuleForge.Loading;

/// <summary>The syntax tree of a file (null when it could not be read) and what went wrong.</summary>
public sealed record LoadResult(SyntaxNode? Root, IReadOnlyList<Diagnostic> Diagnostics);
