using RuleForge.Diagnostics;
using RuleForge.Model;
using RuleForge.Net;

namespace RuleForge.Validation;

/// <summary>
/// Refuses trust that is too broad or covers special address space, unless acknowledged.
/// Used for inline ranges at validation and for feed ranges at resolution.
/// </summary>
public static class RangeChecks
{
    /// <summary>Reports each unacknowledged problem of one range; returns the words it needed.</summary>
    public static IReadOnlySet<string> Check(
        string senderId, RangeSource source, IReadOnlyList<string> acknowledged,
        SourceLocation at, DiagnosticBag diagnostics)
    {
        var needed = new HashSet<string>(StringComparer.Ordinal);
        var network = source.Network;
        var label = $"{network} ({source.Origin})";
        if (SpecialRanges.IsBroad(network, out var bound))
        {
            needed.Add("broad");
            if (!acknowledged.Contains("broad"))
            {
                diagnostics.Report(Messages.BroadRange, at, label, senderId, bound, FormatCount(network.Size));
            }
        }

        foreach (var (kind, block) in SpecialRanges.Overlapping(network))
        {
            needed.Add(kind);
            if (!acknowledged.Contains(kind))
            {
                diagnostics.Report(Messages.SpecialRange, at, label, senderId, kind, block, kind);
            }
        }

        return needed;
    }

    /// <summary>
    /// Refuses a source (a feed selection, an SPF record, the inline list) whose ranges are each
    /// narrow but together hold more addresses than one network of the broad bound: a million
    /// host rows are as broad as the /11 they add up to. Reports RF1230 unless 'broad' is
    /// acknowledged or a single range of the source was already reported as broad; returns
    /// true when the source needs 'broad'.
    /// </summary>
    public static bool CheckTotal(
        string senderId, string source, IReadOnlyCollection<IpNetwork> networks, IReadOnlyList<string> acknowledged,
        SourceLocation at, DiagnosticBag diagnostics)
    {
        var (v4, v6) = AddressSet.From(networks).Count();
        var needed = false;
        foreach (var (family, count, bits) in new[] { (IpFamily.V4, v4, 32), (IpFamily.V6, v6, 128) })
        {
            SpecialRanges.IsBroad(new IpNetwork(family, 0, bits), out var bound);
            if (count <= (UInt128)1 << (bits - bound))
            {
                continue;
            }

            needed = true;
            var singleBroad = networks.Any(n => n.Family == family && SpecialRanges.IsBroad(n, out _));
            if (!singleBroad && !acknowledged.Contains("broad"))
            {
                diagnostics.Report(Messages.BroadTotal, at, source, senderId, FormatCount(count),
                    family == IpFamily.V4 ? "IPv4" : "IPv6", bound);
            }
        }

        return needed;
    }

    /// <summary>How a feed selection is named in diagnostics: the feed and its filter.</summary>
    public static string Describe(FeedSelection selection)
    {
        var where = string.Join(", ", selection.Where.Select(c =>
            $"{c.Field}{(c.Negated ? " not" : "")} in [{string.Join(", ", c.Values)}]"));
        return where.Length == 0 ? $"feed {selection.FeedId} (every row)" : $"feed {selection.FeedId} where {where}";
    }

    private static string FormatCount(UInt128 count) =>
        count == UInt128.MaxValue ? "2^128" : count.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
