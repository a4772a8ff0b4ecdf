using System.Globalization;
using RuleForge.Diagnostics;
using RuleForge.Model;
using RuleForge.Net;
using RuleForge.Resolution.Spf;

namespace RuleForge.Resolution.Lock;

/// <summary>
/// Resolves a policy's external data into a lockfile: every SPF domain a sender trusts is
/// flattened (all of them on refresh, else only those not yet locked). Any failure, or a
/// refresh that would shrink a sender's ranges beyond the limit, yields no lockfile, so the
/// previous one stays as it was: a DNS failure never shrinks trust.
/// </summary>
public sealed class PolicyLocker
{
    private readonly SpfFlattener _flattener;

    /// <summary>Makes a locker that flattens with <paramref name="flattener"/>.</summary>
    public PolicyLocker(SpfFlattener flattener) => _flattener = flattener;

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

        var lockfile = new Lockfile(entries, previous?.Feeds ?? Lockfile.Empty.Feeds);
        var changes = Changes(policy, previous, lockfile, options, diagnostics);
        return new LockOutcome(diagnostics.HasErrors ? null : lockfile, resolved, changes, diagnostics.Items);
    }

    private static List<SenderRangeChange> Changes(
        Policy policy, Lockfile? previous, Lockfile next, LockOptions options, DiagnosticBag diagnostics)
    {
        var changes = new List<SenderRangeChange>();
        foreach (var sender in policy.Senders.Where(s => s.Ranges is { SpfDomains.Count: > 0 }))
        {
            var domains = sender.Ranges!.SpfDomains.Select(t => t.Domain).ToList();
            var before = Addresses(previous, domains);
            var after = Addresses(next, domains);
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

    private static AddressSet Addresses(Lockfile? lockfile, IEnumerable<string> domains) =>
        AddressSet.From(domains
            .Select(d => lockfile?.Spf.GetValueOrDefault(d))
            .OfType<LockedSpf>()
            .SelectMany(e => e.Ranges));

    private static string Percent(double share) =>
        Math.Round(share * 100, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture) + "%";

    private static string Text(UInt128 count) => count.ToString(CultureInfo.InvariantCulture);
}
