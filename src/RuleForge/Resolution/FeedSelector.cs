using RuleForge.Diagnostics;
using RuleForge.Model;
using RuleForge.Validation;

namespace RuleForge.Resolution;

/// <summary>
/// Applies a sender's selection to the rows of a feed: every condition of <c>where</c> must hold.
/// Reports unknown fields and values (with a did-you-mean) and a selection that keeps nothing.
/// </summary>
public static class FeedSelector
{
    /// <summary>
    /// Returns the kept rows' CIDR texts with the row each came from, and in <paramref name="steps"/>
    /// the rows left after each condition.
    /// </summary>
    public static List<(FeedRow Row, string Cidr)> Select(
        TrustedSender sender, FeedDefinition feed, FeedSelection selection, IReadOnlyList<FeedRow> rows,
        DiagnosticBag diagnostics, out List<(string, int)> steps)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(diagnostics);
        steps = [];
        IEnumerable<FeedRow> kept = rows;
        var fieldNames = rows.SelectMany(r => r.Fields.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var condition in selection.Where)
        {
            if (!fieldNames.Contains(condition.Field))
            {
                diagnostics.Report(Messages.FeedFieldUnknown, condition.Location, feed.Id, condition.Field,
                    NameSuggester.Hint(condition.Field, fieldNames));
                continue;
            }

            var seen = rows.Where(r => r.Fields.ContainsKey(condition.Field))
                .SelectMany(r => r.Fields[condition.Field]).Distinct().ToList();
            foreach (var value in condition.Values.Where(v => !seen.Contains(v)))
            {
                diagnostics.Report(Messages.FeedValueUnknown, condition.Location, feed.Id, condition.Field, value,
                    NameSuggester.Hint(value, seen.Order(StringComparer.Ordinal).Take(30).ToList()));
            }

            kept = kept.Where(r => Matches(r, condition)).ToList();
            var words = condition.Values.Count == 1
                ? condition.Values[0]
                : "[" + string.Join(", ", condition.Values) + "]";
            steps.Add(($"{condition.Field} {(condition.Negated ? "not in" : "in")} {words}", kept.Count()));
        }

        var result = kept.SelectMany(r => r.Cidrs.Select(c => (r, c))).ToList();
        if (result.Count == 0)
        {
            diagnostics.Report(Messages.FeedFilterEmpty, selection.Location, sender.Id, feed.Id);
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
}
