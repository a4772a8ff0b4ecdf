using RuleForge.Diagnostics;
using RuleForge.Model;
using RuleForge.Net;
using RuleForge.Validation;

namespace RuleForge.Resolution;

/// <summary>
/// Applies a sender's selection to the rows of a feed: every condition of <c>where</c> must hold,
/// then the ranges of its <c>except</c> selections are taken out. Reports unknown fields and
/// values (with a did-you-mean) and a selection that keeps nothing.
/// </summary>
public static class FeedSelector
{
    /// <summary>
    /// Returns the kept CIDRs with the row each came from (after <c>except</c>, the pieces left of
    /// a row's range), and in <paramref name="steps"/> the rows left after each step.
    /// </summary>
    /// <param name="scan">The feed, read with this selection's filters (see <see cref="FiltersFor"/>).</param>
    /// <param name="feeds">The policy's feeds, where an <c>except</c> finds its feed by id.</param>
    /// <param name="load">Reads a feed for an <c>except</c>; null when unreadable (and reported).</param>
    public static IReadOnlyList<FeedCidr> Select(
        TrustedSender sender, FeedDefinition feed, FeedSelection selection, FeedScan scan,
        IReadOnlyList<FeedDefinition> feeds, Func<FeedDefinition, FeedScan?> load,
        DiagnosticBag diagnostics, out List<(string, int)> steps)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(feeds);
        ArgumentNullException.ThrowIfNull(load);
        steps = [];
        var result = Filter(feed.Id, scan, selection.Where, diagnostics, steps, "").Cidrs;
        if (result.Count == 0)
        {
            diagnostics.Report(Messages.FeedFilterEmpty, selection.Location, sender.Id, feed.Id);
            return result;
        }

        if (selection.Except.Count == 0)
        {
            return result;
        }

        var removed = AddressSet.Empty;
        foreach (var part in selection.Except)
        {
            var exceptFeed = feeds.FirstOrDefault(f => f.Id == part.FeedId) ?? feed;
            var exceptScan = exceptFeed == feed ? scan : load(exceptFeed);
            if (exceptScan is null)
            {
                continue;
            }

            removed = removed.Union(Ranges(sender, exceptFeed, part, exceptScan, diagnostics, steps));
        }

        var left = Subtract(result, removed);
        steps.Add(("rows left after except", left.Select(p => p.Row).Distinct().Count()));
        if (left.Count == 0)
        {
            diagnostics.Report(Messages.FeedNothingLeft, selection.Location, sender.Id, feed.Id);
        }

        return left;
    }

    /// <summary>
    /// Every filter the policy applies to a feed: the <c>where</c> of each selection from it and
    /// of each <c>except</c> part that takes ranges out of it. A <see cref="FeedScan"/> of the
    /// feed is read with these.
    /// </summary>
    public static List<IReadOnlyList<FeedCondition>> FiltersFor(Policy policy, FeedDefinition feed)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(feed);
        var filters = new List<IReadOnlyList<FeedCondition>>();
        foreach (var selection in policy.Senders.SelectMany(s => s.Ranges?.Selections ?? []))
        {
            if (selection.FeedId == feed.Id)
            {
                filters.Add(selection.Where);
            }

            foreach (var part in selection.Except)
            {
                var from = policy.Feeds.FirstOrDefault(f => f.Id == part.FeedId)?.Id ?? selection.FeedId;
                if (from == feed.Id)
                {
                    filters.Add(part.Where);
                }
            }
        }

        return filters;
    }

    /// <summary>
    /// What a filter keeps of a scanned feed, reporting an unknown field or value with a
    /// did-you-mean; adds "field in values" and the rows left to <paramref name="steps"/>, each
    /// prefixed. A condition on an unknown field is reported and left out.
    /// </summary>
    public static FeedFilterResult Filter(
        string feedId, FeedScan scan, IReadOnlyList<FeedCondition> where,
        DiagnosticBag diagnostics, List<(string, int)> steps, string prefix)
    {
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(where);
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(steps);
        var result = scan.Filter(where);
        var step = 0;
        foreach (var condition in where)
        {
            if (!scan.HasField(condition.Field))
            {
                diagnostics.Report(Messages.FeedFieldUnknown, condition.Location, feedId, condition.Field,
                    NameSuggester.Hint(condition.Field, scan.FieldNames.ToList()));
                continue;
            }

            var seen = scan.ValuesOf(condition.Field);
            foreach (var value in condition.Values.Where(v => !seen.Contains(v)))
            {
                diagnostics.Report(Messages.FeedValueUnknown, condition.Location, feedId, condition.Field, value,
                    NameSuggester.Hint(value, seen.Order(StringComparer.Ordinal).Take(30).ToList()));
            }

            steps.Add((prefix + Describe(condition), result.Left[step++]));
        }

        return result;
    }

    /// <summary>
    /// True when the row's field (for an array field, one of its elements) equals one of the
    /// condition's values, or, for a negated condition, when none does.
    /// </summary>
    public static bool Matches(FeedRow row, FeedCondition condition)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(condition);
        var has = row.Fields.TryGetValue(condition.Field, out var values)
            && values.Any(v => condition.Values.Contains(v));
        return has != condition.Negated;
    }

    /// <summary>The condition in words, e.g. "service in fax-smtp" or "region not in [a, b]".</summary>
    public static string Describe(FeedCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var words = condition.Values.Count == 1
            ? condition.Values[0]
            : "[" + string.Join(", ", condition.Values) + "]";
        return $"{condition.Field} {(condition.Negated ? "not in" : "in")} {words}";
    }

    /// <summary>
    /// The selection in words, e.g. "service in fax-smtp; except cloud": the lockfile pins a
    /// selection's ranges under this text, so a changed filter no longer finds its pin.
    /// </summary>
    public static string Key(FeedSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var parts = selection.Where.Select(Describe).ToList();
        if (parts.Count == 0)
        {
            parts.Add("every row");
        }

        foreach (var part in selection.Except)
        {
            var what = part.Where.Count == 0 ? "" : ": " + string.Join(", ", part.Where.Select(Describe));
            parts.Add($"except {part.FeedId}{what}");
        }

        return string.Join("; ", parts);
    }

    // The address set an 'except' part covers; bad CIDRs are reported and left out.
    private static AddressSet Ranges(
        TrustedSender sender, FeedDefinition feed, FeedSelection part, FeedScan scan,
        DiagnosticBag diagnostics, List<(string, int)> steps)
    {
        var prefix = $"except {feed.Id}: ";
        var kept = Filter(feed.Id, scan, part.Where, diagnostics, steps, prefix);
        steps.Add((prefix + "rows taken out", kept.RowsKept));
        if (kept.RowsKept == 0)
        {
            diagnostics.Report(Messages.FeedExceptEmpty, part.Location, sender.Id, feed.Id);
        }

        var networks = new List<IpNetwork>();
        foreach (var cidr in kept.Cidrs)
        {
            if (cidr.Bad is { } bad)
            {
                diagnostics.Report(Messages.FeedBadCidr, feed.Location, feed.Id, cidr.Row, bad);
            }
            else
            {
                networks.Add(cidr.Network);
            }
        }

        return AddressSet.From(networks);
    }

    // Note: a CIDR that does not parse is passed through untouched so that the caller reports it
    // as it reports every bad row; only valid ranges are cut.
    private static List<FeedCidr> Subtract(IReadOnlyList<FeedCidr> cidrs, AddressSet removed)
    {
        var left = new List<FeedCidr>();
        foreach (var cidr in cidrs)
        {
            if (cidr.Bad is not null)
            {
                left.Add(cidr);
                continue;
            }

            var pieces = AddressSet.From([cidr.Network]).Except(removed).ToNetworks();
            left.AddRange(pieces.Select(p => cidr with { Network = p }));
        }

        return left;
    }
}
