using RuleForge.Diagnostics;

namespace RuleForge.Model;

/// <summary>
/// A row matches when its field (or, for an array field, one of its elements) equals one of the
/// values; <see cref="Negated"/> turns that around.
/// </summary>
public sealed record FeedCondition(string Field, IReadOnlyList<string> Values, bool Negated, SourceLocation Location);
