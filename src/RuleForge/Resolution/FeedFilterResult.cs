namespace RuleForge.Resolution;

/// <summary>What one filter of a <see cref="FeedScan"/> kept.</summary>
/// <param name="Left">The rows left after each condition whose field the feed has, in order.</param>
/// <param name="RowsKept">The rows that meet every such condition.</param>
/// <param name="Cidrs">The CIDRs of the kept rows, in feed order.</param>
public sealed record FeedFilterResult(IReadOnlyList<int> Left, int RowsKept, IReadOnlyList<FeedCidr> Cidrs);
