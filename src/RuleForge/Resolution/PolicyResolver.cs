using System.Globalization;
using RuleForge.Diagnostics;
using RuleForge.Model;
using RuleForge.Net;
using RuleForge.Validation;

namespace RuleForge.Resolution;

/// <summary>
/// Reads the feeds a policy selects from and adds the chosen ranges to each sender, with
/// provenance. A feed that cannot be read is an error: trust never silently shrinks.
/// </summary>
public static class PolicyResolver
{
    /// <summary>Resolves every sender's feed selections.</summary>
    public static ResolutionResult Resolve(Policy policy)
    {
        var diagnostics = new DiagnosticBag();
        var cache = new Dictionary<string, IReadOnlyList<FeedRow>?>(StringComparer.Ordinal);
        var reports = new List<SelectionReport>();
        var senders = new List<TrustedSender>();
        foreach (var sender in policy.Senders)
        {
            if (sender.Ranges is not { Selections.Count: > 0 } ranges)
            {
                senders.Add(sender);
                continue;
            }

            var sources = new List<RangeSource>(ranges.Sources);
            var needed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var inline in ranges.Sources)
            {
                // Note: inline ranges were reported at validation; here they only count as needing
                // their acknowledgements.
                var silent = new DiagnosticBag();
                needed.UnionWith(RangeChecks.Check(sender.Id, inline, ranges.Acknowledged, sender.Location, silent));
            }

            foreach (var selection in ranges.Selections)
            {
                var feed = policy.Feeds.First(f => f.Id == selection.FeedId);
                var rows = Load(feed, cache, diagnostics);
                if (rows is null)
                {
                    continue;
                }

                var picked = Select(sender, feed, selection, rows, diagnostics, out var steps);
                var before = sources.Count;
                foreach (var (row, cidr) in picked)
                {
                    if (!IpNetwork.TryParse(cidr.Trim(), out var network, out var hostBits) || hostBits)
                    {
                        diagnostics.Report(Messages.FeedBadCidr, feed.Location, feed.Id, row.Number, cidr);
                        continue;
                    }

                    var source = new RangeSource(network, $"feed {feed.Id} row {row.Number}");
                    needed.UnionWith(
                        RangeChecks.Check(sender.Id, source, ranges.Acknowledged, selection.Location, diagnostics));
                    sources.Add(source);
                }

                var added = sources.Skip(before).Select(s => s.Network).ToList();
                var set = AddressSet.From(added);
                var (v4, v6) = set.Count();
                reports.Add(new SelectionReport(sender.Id, feed.Id, rows.Count, steps, added.Count,
                    set.ToNetworks().Count, v4.ToString(CultureInfo.InvariantCulture),
                    v6.ToString(CultureInfo.InvariantCulture)));
            }

            foreach (var word in ranges.Acknowledged.Where(w => !needed.Contains(w)))
            {
                diagnostics.Report(Messages.AckUnused, sender.Location, word, sender.Id);
            }

            var networks = AddressSet.From(sources.Select(s => s.Network)).ToNetworks();
            senders.Add(sender with { Ranges = ranges with { Networks = networks, Sources = sources } });
        }

        var resolved = diagnostics.HasErrors ? null : policy with { Senders = senders };
        return new ResolutionResult(resolved, reports, diagnostics.Items);
    }

    private static IReadOnlyList<FeedRow>? Load(
        FeedDefinition feed, Dictionary<string, IReadOnlyList<FeedRow>?> cache, DiagnosticBag diagnostics)
    {
        if (cache.TryGetValue(feed.Id, out var cached))
        {
            return cached;
        }

        IReadOnlyList<FeedRow>? rows = null;
        try
        {
            var info = new FileInfo(feed.FullPath);
            if (info.Exists && info.Length > FeedReader.MaxBytes)
            {
                throw new IOException($"the file is larger than {FeedReader.MaxBytes} bytes");
            }

            rows = FeedReader.Read(feed, File.ReadAllBytes(feed.FullPath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Report(Messages.FeedUnreadable, feed.Location, feed.Id, feed.File, e.Message);
        }
        catch (FeedReadException e)
        {
            diagnostics.Report(Messages.FeedParse, feed.Location, feed.Id, feed.Shape, e.Message);
        }

        cache[feed.Id] = rows;
        return rows;
    }

    private static List<(FeedRow Row, string Cidr)> Select(
        TrustedSender sender, FeedDefinition feed, FeedSelection selection, IReadOnlyList<FeedRow> rows,
        DiagnosticBag diagnostics, out List<(string, int)> steps)
    {
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

    private static bool Matches(FeedRow row, FeedCondition condition)
    {
        var has = row.Fields.TryGetValue(condition.Field, out var values)
            && values.Any(v => condition.Values.Contains(v));
        return has != condition.Negated;
    }
}
