using RuleForge.Model;

namespace RuleForge.Planning;

/// <summary>Turns listing-code ranges into the filter syntax of each target.</summary>
public static class ListingCodePatterns
{
    /// <summary>
    /// Postfix d.d.d.d patterns, one per /24: 127.0.0.[2..11] or 127.0.1.[2;4..6].
    /// Each range stays within one /24 (validation enforces it).
    /// </summary>
    public static IReadOnlyList<string> Postfix(IReadOnlyList<ListingCodeRange> ranges) =>
        ranges.GroupBy(r => r.First >> 8)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var parts = g.OrderBy(r => r.First)
                    .Select(r => r.First == r.Last ? $"{r.First & 255}" : $"{r.First & 255}..{r.Last & 255}")
                    .ToList();
                var prefix = ListingCodeRange.Format(g.Key << 8);
                prefix = prefix[..prefix.LastIndexOf('.')];
                return parts.Count == 1 && !parts[0].Contains("..", StringComparison.Ordinal)
                    ? $"{prefix}.{parts[0]}"
                    : $"{prefix}.[{string.Join(';', parts)}]";
            })
            .ToList();

    /// <summary>Every listing code as dotted text, in order.</summary>
    public static IReadOnlyList<string> Enumerate(IReadOnlyList<ListingCodeRange> ranges) =>
        ranges.SelectMany(r => r.Addresses()).Distinct().Order().Select(ListingCodeRange.Format).ToList();

    /// <summary>
    /// Anchorable patterns for the codes with the dots written as <paramref name="dot"/>:
    /// "%." gives Lua patterns for Rspamd returncodes, "\." regex alternatives for SpamAssassin.
    /// </summary>
    public static IReadOnlyList<string> Patterns(IReadOnlyList<ListingCodeRange> ranges, string dot) =>
        ranges.OrderBy(r => r.First)
            .SelectMany(r =>
            {
                var prefix = ListingCodeRange.Format(r.First);
                prefix = prefix[..(prefix.LastIndexOf('.') + 1)].Replace(".", dot, StringComparison.Ordinal);
                return DecimalRange.Patterns((int)(r.First & 255), (int)(r.Last & 255)).Select(p => prefix + p);
            })
            .Distinct()
            .ToList();
}
