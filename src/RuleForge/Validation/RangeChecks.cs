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

    private static string FormatCount(UInt128 count) =>
        count == UInt128.MaxValue ? "2^128" : count.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
