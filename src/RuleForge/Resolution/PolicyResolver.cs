using System.Globalization;
using RuleForge.Diagnostics;
using RuleForge.Model;
using RuleForge.Net;
using RuleForge.Resolution.Lock;
using RuleForge.Validation;

namespace RuleForge.Resolution;

/// <summary>
/// Reads the feeds a policy selects from and adds the chosen ranges to each sender, with
/// provenance; adds the SPF ranges pinned in the policy's lockfile (never asking DNS). A
/// selection that involves a URL feed is taken from the lockfile (never downloading); a local
/// feed file that is pinned must still match its pin. A feed or lockfile entry that cannot be
/// read is an error: trust never silently shrinks.
/// </summary>
public static class PolicyResolver
{
    /// <summary>
    /// Resolves every sender's feed selections and SPF domains. The lockfile defaults to the one
    /// beside the policy's <see cref="Policy.SourceFile"/>. <paramref name="progress"/> hears of
    /// each feed as it is read.
    /// </summary>
    public static ResolutionResult Resolve(
        Policy policy, LockfileLocation? lockfile = null, IProgress<string>? progress = null)
    {
        var diagnostics = new DiagnosticBag();
        var pinned = new PinnedLockfile(lockfile ?? LockfileLocation.For(policy.SourceFile, policy.SourceFile),
            diagnostics);
        var spf = new LockedSpfSources(pinned, diagnostics);
        var feedPins = new LockedFeedSources(pinned, diagnostics);
        var cache = new Dictionary<string, FeedScan?>(StringComparer.Ordinal);
        var reports = new List<SelectionReport>();
        var senders = new List<TrustedSender>();
        foreach (var sender in policy.Senders)
        {
            if (sender.Ranges is not { } ranges || (ranges.Selections.Count == 0 && ranges.SpfDomains.Count == 0))
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

            if (RangeChecks.CheckTotal(sender.Id, "the inline list", ranges.Sources.Select(s => s.Network).ToList(),
                    ranges.Acknowledged, sender.Location, new DiagnosticBag()))
            {
                needed.Add("broad");
            }

            foreach (var selection in ranges.Selections)
            {
                var feed = policy.Feeds.First(f => f.Id == selection.FeedId);
                if (Pick(policy, sender, feed, selection, feedPins, cache, diagnostics, progress) is not { } pick)
                {
                    continue;
                }

                var before = sources.Count;
                foreach (var (row, network, bad) in pick.Ranges)
                {
                    if (bad is not null)
                    {
                        diagnostics.Report(Messages.FeedBadCidr, feed.Location, feed.Id, row, bad);
                        continue;
                    }

                    var source = RangeSource.OfFeedRow(network, feed.Id, row);
                    needed.UnionWith(
                        RangeChecks.Check(sender.Id, source, ranges.Acknowledged, selection.Location, diagnostics));
                    sources.Add(source);
                }

                var added = sources.Skip(before).Select(s => s.Network).ToList();
                if (RangeChecks.CheckTotal(sender.Id, RangeChecks.Describe(selection), added, ranges.Acknowledged,
                        selection.Location, diagnostics))
                {
                    needed.Add("broad");
                }

                var set = AddressSet.From(added);
                var (v4, v6) = set.Count();
                reports.Add(new SelectionReport(sender.Id, feed.Id, pick.Rows, pick.Steps, added.Count,
                    set.ToNetworks().Count, v4.ToString(CultureInfo.InvariantCulture),
                    v6.ToString(CultureInfo.InvariantCulture)));
            }

            sources.AddRange(spf.For(sender, ranges, needed));
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

    // A selection's ranges (with their rows), the rows read and the filter steps: from the
    // lockfile when a URL feed is involved (build never downloads), else from the files.
    private static (IReadOnlyList<FeedCidr> Ranges, int Rows, List<(string, int)> Steps)? Pick(
        Policy policy, TrustedSender sender, FeedDefinition feed, FeedSelection selection,
        LockedFeedSources pins, Dictionary<string, FeedScan?> cache, DiagnosticBag diagnostics,
        IProgress<string>? progress)
    {
        var involved = selection.Except.Select(e => policy.Feeds.FirstOrDefault(f => f.Id == e.FeedId) ?? feed);
        if (feed.Url is not null || involved.Any(f => f.Url is not null))
        {
            if (pins.Selection(sender, feed, selection) is not { } found)
            {
                return null;
            }

            var (entry, pinned) = found;
            return (pinned.Ranges.Select(r => new FeedCidr(r.Row, r.Network, null)).ToList(), entry.Rows,
                pinned.Steps.ToList());
        }

        var scan = Load(policy, feed, pins, cache, diagnostics, progress);
        if (scan is null)
        {
            return null;
        }

        var picked = FeedSelector.Select(sender, feed, selection, scan, policy.Feeds,
            f => Load(policy, f, pins, cache, diagnostics, progress), diagnostics, out var steps);
        return (picked, scan.Rows, steps);
    }

    // Note: a feed is read once, row by row, with every filter the policy applies to it, and only
    // what those filters keep is held (FeedScan); a feed of millions of rows is never held whole.
    private static FeedScan? Load(
        Policy policy, FeedDefinition feed, LockedFeedSources pins, Dictionary<string, FeedScan?> cache,
        DiagnosticBag diagnostics, IProgress<string>? progress)
    {
        if (cache.TryGetValue(feed.Id, out var cached))
        {
            return cached;
        }

        progress?.Report($"reading feed {feed.Id} ({feed.File})");

        FeedScan? scan = null;
        try
        {
            var info = new FileInfo(feed.FullPath);
            if (info.Exists && info.Length > FeedReader.MaxBytes)
            {
                throw new IOException($"the file is larger than {FeedReader.MaxBytes} bytes");
            }

            var content = File.ReadAllBytes(feed.FullPath);
            pins.CheckFile(feed, LockedFeed.HashOf(content));
            scan = FeedScan.Read(feed.Shape, content, feed.ItemsPath, feed.CidrField,
                FeedSelector.FiltersFor(policy, feed));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Report(Messages.FeedUnreadable, feed.Location, feed.Id, feed.File, e.Message);
        }
        catch (FeedReadException e)
        {
            diagnostics.Report(Messages.FeedParse, feed.Location, feed.Id, feed.Shape, e.Message);
        }

        cache[feed.Id] = scan;
        return scan;
    }
}
