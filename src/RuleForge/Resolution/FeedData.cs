namespace RuleForge.Resolution;

/// <summary>A feed as read: the shape that was used (detected or named) and its rows.</summary>
public sealed record FeedData(string Shape, bool Detected, IReadOnlyList<FeedRow> Rows);
