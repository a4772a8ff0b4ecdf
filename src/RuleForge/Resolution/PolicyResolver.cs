using System.Globalization;
using RuleForge.Diagnostics;
using RuleForge.Model;
using RuleForge.Net;
using RuleForge.Resolution.Lock;
using RuleForge.Validation;

namespace RuleForge.Resolution;

/// <summary>
/// Reads the feeds a policy selects from and adds the chosen ranges to each sender, with
/// provenance; adds the SPF ranges pinned in the policy's lockfile (never asking DNS). A feed
/// or lockfile entry that cannot be read is an error: trust never silently shrinks.
/// </summary>
public static class PolicyResolver
{
    /// <summary>
    /// Resolves every sender's feed selections and SPF domains. The lockfile defaults to the one
    /// beside the policy's <see cref="Policy.SourceFile"/>.
    /// </summary>
    public static ResolutionResult Resolve(Policy policy, LockfileLocation? lockfile = null)
    {
        var diagnostics = new DiagnosticBag();
        var spf = new LockedSpfSources(lockfile ?? LockfileLocation.For(policy.SourceFile, policy.SourceFile),
            diagnostics);
        var cache = new Dictionary<string, IReadOnlyList<FeedRow>?>(StringComparer.Ordinal);
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

            foreach (var selection in ranges.Selections)
            {
                var feed = policy.Feeds.First(f => f.Id == selection.FeedId);
                var rows = Load(feed, cache, diagnostics);
                if (rows is null)
                {
                    continue;
                }

                var picked = FeedSelector.Select(sender, feed, selection, rows, policy.Feeds,
                    f => Load(f, cache, diagnostics), diagnostics, out var steps);
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
}
