using System.Globalization;
using RuleForge.Diagnostics;
using RuleForge.Model;
using RuleForge.Net;

namespace RuleForge.Resolution.Feeds;

/// <summary>
/// What <c>ruleforge feed show</c> prints: the rows read, the fields with their values, and the
/// ranges a filter selects, aggregated. The tool an admin uses to write a <c>where</c>.
/// </summary>
/// <param name="Steps">Rows left after each condition, as in the build report.</param>
/// <param name="Ranges">The selected rows' CIDRs, aggregated (bad CIDRs left out and reported).</param>
public sealed record FeedSummary(
    string Shape,
    bool Detected,
    int RowsRead,
    int RowsSelected,
    IReadOnlyList<FeedFieldSummary> Fields,
    IReadOnlyList<(string Condition, int RowsLeft)> Steps,
    IReadOnlyList<IpNetwork> Ranges,
    string AddressesIpv4,
    string AddressesIpv6,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>
    /// Summarises a feed and applies the conditions (all must hold). Unknown fields and values get
    /// a did-you-mean; a filter that keeps no row is an error.
    /// </summary>
    /// <param name="name">How diagnostics name the feed (its file as given).</param>
    public static FeedSummary Of(FeedData data, string name, IReadOnlyList<FeedCondition> where)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(where);
        var diagnostics = new DiagnosticBag();
        var steps = new List<(string, int)>();
        var kept = FeedSelector.Filter(name, data.Rows, where, diagnostics, steps, "");
        if (where.Count > 0 && kept.Count == 0)
        {
            diagnostics.Report(Messages.FeedShowKeepsNothing, SourceLocation.OfFile(name), name);
        }

        var networks = FeedRow.Networks(kept, (row, cidr) =>
            diagnostics.Report(Messages.FeedBadCidr, SourceLocation.OfFile(name), name, row.Number, cidr));

        var set = AddressSet.From(networks);
        var (v4, v6) = set.Count();
        return new FeedSummary(data.Shape, data.Detected, data.Rows.Count, kept.Count, Summarise(data.Rows), steps,
            set.ToNetworks(), v4.ToString(CultureInfo.InvariantCulture), v6.ToString(CultureInfo.InvariantCulture),
            diagnostics.Items);
    }

    private static List<FeedFieldSummary> Summarise(IReadOnlyList<FeedRow> rows)
    {
        var counts = new SortedDictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            foreach (var (field, values) in row.Fields)
            {
                if (!counts.TryGetValue(field, out var perValue))
                {
                    counts[field] = perValue = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                foreach (var value in values.Distinct(StringComparer.Ordinal))
                {
                    perValue[value] = perValue.GetValueOrDefault(value) + 1;
                }
            }
        }

        return counts.Select(c => new FeedFieldSummary(c.Key,
            c.Value.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => (v.Key, v.Value)).ToList())).ToList();
    }
}
