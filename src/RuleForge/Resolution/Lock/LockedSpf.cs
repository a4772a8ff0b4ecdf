using RuleForge.Net;
using RuleForge.Resolution.Spf;

namespace RuleForge.Resolution.Lock;

/// <summary>One SPF domain's flattening as pinned in the lockfile.</summary>
/// <param name="Domain">The flattened domain.</param>
/// <param name="Records">Every record read while flattening: domain to record text, or null
/// when that domain publishes no SPF record.</param>
/// <param name="Ranges">The minimal CIDR cover of the pass ranges, IPv4 first.</param>
/// <param name="Provenance">Each pass range with its record, term, and the term that led there.</param>
/// <param name="Lookups">DNS-querying terms in the whole tree (RFC 7208 limit: 10); a worst case,
/// since a receiver stops at the first matching term.</param>
/// <param name="VoidLookups">Lookups that found nothing (RFC 7208 limit: 2).</param>
/// <param name="Unflattenable">Terms that could not become ranges.</param>
public sealed record LockedSpf(
    string Domain,
    IReadOnlyDictionary<string, string?> Records,
    IReadOnlyList<IpNetwork> Ranges,
    IReadOnlyList<LockedSpfRange> Provenance,
    int Lookups,
    int VoidLookups,
    IReadOnlyList<SpfUnflattenable> Unflattenable)
{
    /// <summary>Pins a successful flattening; the tree supplies the records and the paths.</summary>
    public static LockedSpf From(SpfResult result)
    {
        if (!result.Succeeded || result.Tree is not { } tree)
        {
            throw new ArgumentException("only a successful flattening can be locked", nameof(result));
        }

        var records = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        var via = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in tree.SelfAndDescendants())
        {
            records.TryAdd(node.Domain, node.Record);
            foreach (var term in node.Terms.Where(t => t.Child is not null))
            {
                // Note: the first term that reached a record names it; a record reached twice
                // grants the same ranges either way.
                via.TryAdd(term.Child!.Domain, term.Text);
            }
        }

        var provenance = result.Provenance
            .Select(p => new LockedSpfRange(p.Network, p.Domain, p.Term,
                p.Domain == result.Domain ? null : via.GetValueOrDefault(p.Domain)))
            .ToList();
        return new LockedSpf(result.Domain, records, result.Ranges, provenance, result.Lookups,
            result.VoidLookups, result.Unflattenable);
    }
}
