using RuleForge.Diagnostics;

namespace RuleForge.Model;

/// <summary>A sender's choice of rows from a feed: every condition must hold.</summary>
public sealed record FeedSelection(string FeedId, IReadOnlyList<FeedCondition> Where, SourceLocation Location);
