using System.Globalization;
using RuleForge.Diagnostics;
using RuleForge.Model;
using RuleForge.Net;
using RuleForge.Resolution.Feeds;
using RuleForge.Resolution.Spf;

namespace RuleForge.Resolution.Lock;

/// <summary>
/// Resolves a policy's external data into a lockfile: every SPF domain a sender trusts is
/// flattened, and every feed a sender selects from is read or downloaded and its selections
/// pinned (all of them on refresh, else only those not yet locked; see <see cref="FeedLocker"/>).
/// Any failure, or a run that would shrink a sender's ranges beyond the limit, yields no
/// lockfile, so the previous one stays as it was: a DNS or download failure never shrinks trust.
/// </summary>
public sealed class PolicyLocker
{
    private readonly SpfFlattener _flattener;
    private readonly FeedFetcher? _fetcher;

    /// <summary>
    /// Makes a locker that flattens with <paramref name="flattener"/> and downloads feeds with
    /// <paramref name="fetcher"/> (null: a fetcher with the default limits, made when needed).
    /// </summary>
    public PolicyLocker(SpfFlattener flattener, FeedFetcher? fetcher = null)
    {
        _flattener = flattener;
        _fetcher = fetcher;
    }

    /// <summary>Locks the policy's SPF domains against the <paramref name="previous"/> lockfile, if any.</summary>
    public async Task<LockOutcome> LockAsync(
        Policy policy, Lockfile? previous, LockOptions options, CancellationToken cancellation = default)
    {
        var diagnostics = new DiagnosticBag();
        var wanted = policy.Senders
            .SelectMany(s => (s.Ranges?.SpfDomains ?? []).Select(t => (Sender: s.Id, Trust: t)))
            .DistinctBy(x => x.Trust.Domain, StringComparer.Ordinal)
            .ToList();
        var toResolve = wanted
            .Where(x => options.Refresh || previous?.Spf.ContainsKey(x.Trust.Domain) != true)
            .ToList();
        var results = await Task.WhenAll(toResolve.Select(x => _flattener.FlattenAsync(x.Trust.Domain, cancellation)))
            .ConfigureAwait(false);

        var entries = new SortedDictionary<string, LockedSpf>(StringComparer.Ordinal);
        foreach (var (x, result) in toResolve.Zip(results))
        {
            diagnostics.AddRange(result.Diagnostics);
            if (result.Succeeded && result.Tree is not null)
            {
                entries[x.Trust.Domain] = LockedSpf.From(result);
            }
            else
            {
                diagnostics.Report(Messages.LockFailed, x.Trust.Location, x.Trust.Domain, x.Sender);
            }
        }

        foreach (var (_, trust) in wanted.Where(x => !entries.ContainsKey(x.Trust.Domain)))
        {
            if (previous?.Spf.GetValueOrDefault(trust.Domain) is { } kept)
            {
                entries[trust.Domain] = kept;
            }
        }

        var resolved = toResolve.Select(x => x.Trust.Domain).ToList();
        if (diagnostics.HasErrors)
        {
            return new LockOutcome(null, resolved, [], diagnostics.Items);
        }

        var (feeds, read) = await LockFeedsAsync(policy, previous, options, diagnostics, cancellation)
            .ConfigureAwait(false);
        if (feeds is null || diagnostics.HasErrors)
        {
            return new LockOutcome(null, resolved, [], diagnostics.Items) { FeedsRead = read };
        }

        var lockfile = new Lockfile(entries, feeds);
        var changes = Changes(policy, previous, lockfile, options, diagnostics);
        return new LockOutcome(diagnostics.HasErrors ? null : lockfile, resolved, changes, diagnostics.Items)
        {
            FeedsRead = read,
        };
    }

    private async Task<(IReadOnlyDictionary<string, LockedFeed>?, IReadOnlyList<string>)> LockFeedsAsync(
        Policy policy, Lockfile? previous, LockOptions options, DiagnosticBag diagnostics,
        CancellationToken cancellation)
    {
        if (_fetcher is not null)
        {
            var locker = new FeedLocker(_fetcher, diagnostics);
            return (await locker.LockAsync(policy, previous, options.Refresh, cancellation).ConfigureAwait(false),
                locker.Read);
        }

        using var fetcher = new FeedFetcher(FeedFetchSettings.Default);
        var own = new FeedLocker(fetcher, diagnostics);
        return (await own.LockAsync(policy, previous, options.Refresh, cancellation).ConfigureAwait(false),
            own.Read);
    }

    private static List<SenderRangeChange> Changes(
        Policy policy, Lockfile? previous, Lockfile next, LockOptions options, DiagnosticBag diagnostics)
    {
        var changes = new List<SenderRangeChange>();
        foreach (var sender in policy.Senders.Where(HasLockedRanges))
        {
            var before = Addresses(previous, sender);
            var after = Addresses(next, sender);
            var removed = before.Except(after);
            changes.Add(new SenderRangeChange(sender.Id, after.Except(before).ToNetworks(), removed.ToNetworks()));
            if (options.AllowShrink || previous is null)
            {
                continue;
            }

            var (had4, had6) = before.Count();
            var (lost4, lost6) = removed.Count();
            CheckShrink(sender, "IPv4", lost4, had4, options.MaxShrink, diagnostics);
            CheckShrink(sender, "IPv6", lost6, had6, options.MaxShrink, diagnostics);
        }

        return changes;
    }

    private static void CheckShrink(
        TrustedSender sender, string family, UInt128 lost, UInt128 had, double limit, DiagnosticBag diagnostics)
    {
        if (had == 0 || lost == 0)
        {
            return;
        }

        var share = (double)lost / (double)had;
        if (share > limit)
        {
            diagnostics.Report(Messages.LockShrink, sender.Location, Text(lost), Text(had), family, sender.Id,
                Percent(share), Percent(limit));
        }
    }

    /// <summary>True when the sender trusts ranges the lockfile pins: SPF domains or feed selections.</summary>
    public static bool HasLockedRanges(TrustedSender sender) =>
        sender.Ranges is { } r && (r.SpfDomains.Count > 0 || r.Selections.Count > 0);

    // Note: only the SPF domains and feeds the sender uses now count, before and after; the
    // feed selections pinned for the sender count whatever their filter was.
    private static AddressSet Addresses(Lockfile? lockfile, TrustedSender sender)
    {
        var ranges = sender.Ranges!;
        var spf = ranges.SpfDomains
            .Select(t => lockfile?.Spf.GetValueOrDefault(t.Domain))
            .OfType<LockedSpf>()
            .SelectMany(e => e.Ranges);
        var feeds = ranges.Selections.Select(s => s.FeedId).Distinct()
            .Select(id => lockfile?.Feeds.GetValueOrDefault(id))
            .OfType<LockedFeed>()
            .SelectMany(f => f.Selections.Where(s => s.Sender == sender.Id))
            .SelectMany(s => s.Ranges.Select(r => r.Network));
        return AddressSet.From(spf.Concat(feeds));
    }

    private static string Percent(double share) =>
        Math.Round(share * 100, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture) + "%";

    private static string Text(UInt128 count) => count.ToString(CultureInfo.InvariantCulture);
}
