namespace RuleForge.Resolution.Lock;

/// <summary>What one sender's selection kept from a pinned feed.</summary>
/// <param name="Sender">The sender's id.</param>
/// <param name="Filter">The selection in words (<see cref="FeedSelector.Key"/>); a pin counts only
/// for the selection it was made for.</param>
/// <param name="Steps">Rows left after each filter step, as the build report states them.</param>
/// <param name="Ranges">The selected ranges, each with the row it came from, before aggregation.</param>
public sealed record LockedFeedSelection(
    string Sender,
    string Filter,
    IReadOnlyList<(string Step, int Rows)> Steps,
    IReadOnlyList<LockedFeedRange> Ranges);
