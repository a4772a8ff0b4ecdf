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
    /// Summarises a feed read with <paramref name="where"/> as its filter and a summary (see
    /// <see cref="FeedScan.Read"/>). Unknown fields and values get a did-you-mean; a filter that
    /// keeps no row is an error.
    /// </summary>
    /// <param name="name">How diagnostics name the feed (its file as given).</param>
    public static FeedSummary Of(FeedScan scan, string name, IReadOnlyList<FeedCondition> where)
    {
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(where);
        var diagnostics = new DiagnosticBag();
        var steps = new List<(string, int)>();
        var kept = FeedSelector.Filter(name, scan, where, diagnostics, steps, "");
        if (where.Count > 0 && kept.RowsKept == 0)
        {
            diagnostics.Report(Messages.FeedShowKeepsNothing, SourceLocation.OfFile(name), name);
        }

        var networks = new List<IpNetwork>();
        foreach (var cidr in kept.Cidrs)
        {
            if (cidr.Bad is { } bad)
            {
                diagnostics.Report(Messages.FeedBadCidr, SourceLocation.OfFile(name), name, cidr.Row, bad);
            }
            else
            {
                networks.Add(cidr.Network);
            }
        }

        var set = AddressSet.From(networks);
        var (v4, v6) = set.Count();
        return new FeedSummary(scan.Shape, scan.Detected, scan.Rows, kept.RowsKept, scan.Summary ?? [], steps,
            set.ToNetworks(), v4.ToString(CultureInfo.InvariantCulture), v6.ToString(CultureInfo.InvariantCulture),
            diagnostics.Items);
    }
}
