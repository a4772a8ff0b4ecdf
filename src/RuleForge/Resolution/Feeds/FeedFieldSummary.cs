namespace RuleForge.Resolution.Feeds;

/// <summary>A feed field and how many rows carry each of its distinct values.</summary>
/// <param name="Values">Distinct values in ordinal order, each with the number of rows that have it
/// (a row whose array field holds a value twice counts once).</param>
public sealed record FeedFieldSummary(string Name, IReadOnlyList<(string Value, int Count)> Values);
