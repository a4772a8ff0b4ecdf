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
    /// Returns the kept CIDR texts with the row each came from (after <c>except</c>, the pieces
    /// left of a row's range), and in <paramref name="steps"/> the rows left after each step.
    /// </summary>
    /// <param name="feeds">The policy's feeds, where an <c>except</c> finds its feed by id.</param>
    /// <param name="load">Reads a feed for an <c>except</c>; null when unreadable (and reported).</param>
    public static List<(FeedRow Row, string Cidr)> Select(
        TrustedSender sender, FeedDefinition feed, FeedSelection selection, IReadOnlyList<FeedRow> rows,
        IReadOnlyList<FeedDefinition> feeds, Func<FeedDefinition, IReadOnlyList<FeedRow>?> load,
        DiagnosticBag diagnostics, out List<(string, int)> steps)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(feeds);
        ArgumentNullException.ThrowIfNull(load);
        steps = [];
        var kept = Filter(feed.Id, rows, selection.Where, diagnostics, steps, "");
        var result = kept.SelectMany(r => r.Cidrs.Select(c => (r, c))).ToList();
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
            var exceptRows = exceptFeed == feed ? rows : load(exceptFeed);
            if (exceptRows is null)
            {
                continue;
            }

            removed = removed.Union(Ranges(sender, exceptFeed, part, exceptRows, diagnostics, steps));
        }

        var left = Subtract(result, removed);
        steps.Add(("rows left after except", left.Select(p => p.Row.Number).Distinct().Count()));
        if (left.Count == 0)
        {
            diagnostics.Report(Messages.FeedNothingLeft, selection.Location, sender.Id, feed.Id);
        }

        return left;
    }

    /// <summary>
    /// The rows that meet every condition, reporting an unknown field or value with a did-you-mean;
    /// adds "field in values" and the rows left to <paramref name="steps"/>, each prefixed.
    /// </summary>
    public static List<FeedRow> Filter(
        string feedId, IReadOnlyList<FeedRow> rows, IReadOnlyList<FeedCondition> where,
        DiagnosticBag diagnostics, List<(string, int)> steps, string prefix)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(where);
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(steps);
        var kept = rows.ToList();
        var fieldNames = rows.SelectMany(r => r.Fields.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var condition in where)
        {
            if (!fieldNames.Contains(condition.Field))
            {
                diagnostics.Report(Messages.FeedFieldUnknown, condition.Location, feedId, condition.Field,
                    NameSuggester.Hint(condition.Field, fieldNames));
                continue;
            }

            var seen = rows.Where(r => r.Fields.ContainsKey(condition.Field))
                .SelectMany(r => r.Fields[condition.Field]).ToHashSet(StringComparer.Ordinal);
            foreach (var value in condition.Values.Where(v => !seen.Contains(v)))
            {
                diagnostics.Report(Messages.FeedValueUnknown, condition.Location, feedId, condition.Field, value,
                    NameSuggester.Hint(value, seen.Order(StringComparer.Ordinal).Take(30).ToList()));
            }

            kept = kept.Where(r => Matches(r, condition)).ToList();
            steps.Add((prefix + Describe(condition), kept.Count));
        }

        return kept;
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
        TrustedSender sender, FeedDefinition feed, FeedSelection part, IReadOnlyList<FeedRow> rows,
        DiagnosticBag diagnostics, List<(string, int)> steps)
    {
        var prefix = $"except {feed.Id}: ";
        var kept = Filter(feed.Id, rows, part.Where, diagnostics, steps, prefix);
        steps.Add((prefix + "rows taken out", kept.Count));
        if (kept.Count == 0)
        {
            diagnostics.Report(Messages.FeedExceptEmpty, part.Location, sender.Id, feed.Id);
        }

        var networks = FeedRow.Networks(kept, (row, cidr) =>
            diagnostics.Report(Messages.FeedBadCidr, feed.Location, feed.Id, row.Number, cidr));

        return AddressSet.From(networks);
    }

    // Note: a CIDR that does not parse is passed through untouched so that the caller reports it
    // as it reports every bad row; only valid ranges are cut.
    private static List<(FeedRow Row, string Cidr)> Subtract(
        List<(FeedRow Row, string Cidr)> pairs, AddressSet removed)
    {
        var left = new List<(FeedRow Row, string Cidr)>();
        foreach (var (row, cidr) in pairs)
        {
            if (!IpNetwork.TryParse(cidr.Trim(), out var network, out var hostBits) || hostBits)
            {
                left.Add((row, cidr));
                continue;
            }

            var pieces = AddressSet.From([network]).Except(removed).ToNetworks();
            left.AddRange(pieces.Select(p => (row, p.ToString())));
        }

        return left;
    }
}
