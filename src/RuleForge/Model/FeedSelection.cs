using RuleForge.Diagnostics;

namespace RuleForge.Model;

/// <summary>A sender's choice of rows from a feed: every condition must hold.</summary>
public sealed record FeedSelection(string FeedId, IReadOnlyList<FeedCondition> Where, SourceLocation Location)
{
    /// <summary>
    /// Selections whose ranges are taken out of this one's (a set difference, e.g. Google's
    /// service ranges are goog minus cloud). Each names its own feed; they have no 'except'.
    /// </summary>
    public IReadOnlyList<FeedSelection> Except { get; init; } = [];
}
