namespace RuleForge.Resolution;

/// <summary>
/// One row of a feed: its 1-based position, its filterable fields (an array field holds
/// several values) and the CIDR texts it carries.
/// </summary>
public sealed record FeedRow(
    int Number, IReadOnlyDictionary<string, IReadOnlyList<string>> Fields, IReadOnlyList<string> Cidrs);
