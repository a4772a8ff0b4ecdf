namespace RuleForge.Rendering.Html;

/// <summary>An input range of a sender and where it came from.</summary>
/// <param name="Network">The range in CIDR notation.</param>
/// <param name="Kind">inline, feed or spf.</param>
/// <param name="Origin">The provenance as proof.md states it (feed row, SPF record and term).</param>
public sealed record RangeRow(string Network, string Kind, string Origin);
