using RuleForge.Diagnostics;
using RuleForge.Model;
using RuleForge.Net;
using RuleForge.Validation;

namespace RuleForge.Resolution.Lock;

/// <summary>
/// Turns the SPF domains a sender trusts into range sources, from the policy's lockfile only:
/// build never asks DNS. The lockfile is read once, on first need.
/// </summary>
public sealed class LockedSpfSources
{
    private readonly PinnedLockfile _lockfile;
    private readonly DiagnosticBag _diagnostics;

    /// <summary>
    /// Reads from the lockfile at <paramref name="location"/>, reporting into
    /// <paramref name="diagnostics"/>.
    /// </summary>
    public LockedSpfSources(LockfileLocation location, DiagnosticBag diagnostics)
        : this(new PinnedLockfile(location, diagnostics), diagnostics)
    {
    }

    /// <summary>
    /// Reads from a lockfile shared with other readers, reporting into <paramref name="diagnostics"/>.
    /// </summary>
    public LockedSpfSources(PinnedLockfile lockfile, DiagnosticBag diagnostics)
    {
        _lockfile = lockfile;
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// The pinned ranges of every SPF domain the sender trusts, each checked against the broad
    /// and special-range rules; adds the acknowledgement words they needed to <paramref name="needed"/>.
    /// </summary>
    public IReadOnlyList<RangeSource> For(TrustedSender sender, RangeTrust ranges, ISet<string> needed)
    {
        var sources = new List<RangeSource>();
        foreach (var trust in ranges.SpfDomains)
        {
            if (Entry(sender, trust) is not { } entry)
            {
                continue;
            }

            var pinned = entry.Provenance.Select(p => new RangeSource(p.Network, p.Origin(trust.Domain)));
            var before = sources.Count;
            foreach (var source in pinned.Concat(PassAll(entry, trust.Domain)))
            {
                needed.UnionWith(
                    RangeChecks.Check(sender.Id, source, ranges.Acknowledged, trust.Location, _diagnostics));
                sources.Add(source);
            }

            var all = sources.Skip(before).Select(s => s.Network).ToList();
            if (RangeChecks.CheckTotal(sender.Id, $"the SPF record of {trust.Domain}", all, ranges.Acknowledged,
                    trust.Location, _diagnostics))
            {
                needed.Add("broad");
            }

            var unflattenable = entry.Unflattenable.Where(u => !IsPassAll(u.Term)).ToList();
            if (unflattenable.Count > 0)
            {
                var terms = string.Join(", ", unflattenable.Select(u => $"'{u.Term}' ({u.Domain})"));
                _diagnostics.Report(Messages.SpfTrustUnflattenable, trust.Location, sender.Id, trust.Domain, terms);
            }
        }

        return sources;
    }

    // Note: '+all' passes every address; the flattener cannot list that as ranges, but a sender
    // that trusts such a record must see it refused as the broadest trust there is, unless the
    // policy acknowledges it.
    private static IEnumerable<RangeSource> PassAll(LockedSpf entry, string domain)
    {
        foreach (var u in entry.Unflattenable.Where(u => IsPassAll(u.Term)))
        {
            var origin = u.Domain == domain ? $"spf {domain} ({u.Term})" : $"spf {domain} ({u.Domain}: {u.Term})";
            yield return new RangeSource(new IpNetwork(IpFamily.V4, 0, 0), origin);
            yield return new RangeSource(new IpNetwork(IpFamily.V6, 0, 0), origin);
        }
    }

    private static bool IsPassAll(string term) => term is "all" or "+all";

    private LockedSpf? Entry(TrustedSender sender, SpfTrust trust)
    {
        var location = _lockfile.Location;
        if (!_lockfile.Exists)
        {
            _diagnostics.Report(Messages.LockfileMissing, trust.Location, sender.Id, trust.Domain,
                location.DisplayPath, location.PolicyDisplayPath);
            return null;
        }

        if (_lockfile.Lockfile is not { } lockfile)
        {
            // Note: the lockfile's own problem was reported once when it was read.
            return null;
        }

        var entry = lockfile.Spf.GetValueOrDefault(trust.Domain);
        if (entry is null)
        {
            _diagnostics.Report(Messages.LockEntryMissing, trust.Location, location.DisplayPath, trust.Domain,
                sender.Id, location.PolicyDisplayPath);
        }

        return entry;
    }
}
