using RuleForge.Diagnostics;
using RuleForge.Net;

namespace RuleForge.Resolution.Spf;

/// <summary>
/// The flattened SPF record of a sender's domain. When <see cref="Succeeded"/> is false the
/// ranges are empty: a failed flattening never stands for a smaller one.
/// </summary>
/// <param name="Domain">The domain that was flattened.</param>
/// <param name="Tree">The record tree, or null when the root record could not be read.</param>
/// <param name="Ranges">The minimal CIDR cover of every pass range, IPv4 first.</param>
/// <param name="Provenance">Each pass range with the record and term it came from.</param>
/// <param name="Lookups">DNS-querying terms in the tree (RFC 7208 limit: 10).</param>
/// <param name="VoidLookups">Lookups that found nothing (RFC 7208 limit: 2).</param>
/// <param name="Queries">Distinct DNS questions asked.</param>
/// <param name="Unflattenable">Terms that could not be turned into ranges.</param>
/// <param name="Diagnostics">Errors, warnings and notes, tree order first.</param>
public sealed record SpfResult(
    string Domain,
    SpfNode? Tree,
    IReadOnlyList<IpNetwork> Ranges,
    IReadOnlyList<SpfRange> Provenance,
    int Lookups,
    int VoidLookups,
    int Queries,
    IReadOnlyList<SpfUnflattenable> Unflattenable,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when no error stopped the flattening.</summary>
    public bool Succeeded => !Diagnostics.Any(d => d.Severity == Severity.Error);
}
