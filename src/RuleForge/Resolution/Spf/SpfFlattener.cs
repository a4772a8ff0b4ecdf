using System.Collections.Immutable;
using RuleForge.Diagnostics;
using RuleForge.Net;
using RuleForge.Resolution.Dns;
using RuleForge.Validation;

namespace RuleForge.Resolution.Spf;

/// <summary>
/// Flattens a domain's SPF record (RFC 7208) into the address ranges its pass terms grant.
/// Follows include, redirect, a, mx, ip4 and ip6; reports exists, ptr and message macros as
/// unflattenable; counts lookups and void lookups against the RFC limits and reports the
/// sender's violations as warnings. Any DNS failure fails the whole flattening: the result is
/// then empty and names each failing name, never a silently smaller set of ranges.
/// </summary>
public sealed class SpfFlattener
{
    private readonly DnsLookup _dns;
    private readonly SpfLimits _limits;

    /// <summary>Makes a flattener that asks <paramref name="dns"/>.</summary>
    public SpfFlattener(DnsLookup dns, SpfLimits? limits = null)
    {
        _dns = dns;
        _limits = limits ?? SpfLimits.Default;
    }

    /// <summary>
    /// Flattens the record of <paramref name="domain"/>. Each (name, type) is asked once;
    /// the terms of a record are resolved concurrently.
    /// </summary>
    public async Task<SpfResult> FlattenAsync(string domain, CancellationToken cancellation = default)
    {
        var at = SourceLocation.OfFile(domain);
        if (!DomainNames.TryNormalise(domain, allowUnderscore: true, out var name, out var error))
        {
            return Failed(domain, [Messages.InvalidDomain.At(at, domain, error)], 0);
        }

        var cache = new SpfQueryCache(_dns, _limits.Queries, cancellation);
        var evaluation = new SpfEvaluation(cache, _limits, name);
        SpfNodeEvaluation root;
        try
        {
            root = await evaluation.EvaluateAsync(name, [name], 0).ConfigureAwait(false);
        }
        catch (DnsQueryException)
        {
            var failures = cache.Failures.Select(f => Messages.DnsFailed.At(
                SourceLocation.OfFile(f.Name), $"{f.Type.ToString().ToUpperInvariant()} {f.Name}", f.Reason));
            return Failed(name, [.. failures], cache.Count);
        }
        catch (SpfLimitException e)
        {
            return Failed(name, [Messages.SpfLimitReached.At(at, name, e.Message)], cache.Count);
        }

        return Summarise(name, root, cache.Count);
    }

    private SpfResult Summarise(string domain, SpfNodeEvaluation root, int queries)
    {
        var at = SourceLocation.OfFile(domain);
        var nodes = root.Node.SelfAndDescendants().ToList();
        var terms = nodes.SelectMany(n => n.Terms).ToList();
        var lookups = terms.Count(t => t.CountsAsLookup);
        var voids = terms.Sum(t => t.VoidLookups);
        var diagnostics = nodes.SelectMany(n => n.Diagnostics).ToList();
        if (!root.HasRecord)
        {
            diagnostics.Insert(0, Messages.SpfNoRecord.At(at, domain));
        }

        if (lookups > _limits.Lookups)
        {
            diagnostics.Add(Messages.SpfTooManyLookups.At(at, domain, lookups, _limits.Lookups));
        }

        if (voids > _limits.VoidLookups)
        {
            diagnostics.Add(Messages.SpfTooManyVoidLookups.At(at, domain, voids, _limits.VoidLookups));
        }

        var unflattenable = nodes
            .SelectMany(n => n.Terms
                .Where(t => t.Outcome == SpfTermOutcome.Unflattenable)
                .Select(t => new SpfUnflattenable(n.Domain, t.Text, t.Detail)))
            .ToList();
        var failed = diagnostics.Exists(d => d.Severity == Severity.Error);
        var ranges = failed ? [] : AddressSet.From(root.Grants.Select(g => g.Network)).ToNetworks();
        if (!failed && ranges.Count == 0)
        {
            diagnostics.Add(Messages.SpfNoRanges.At(at, domain));
        }

        var provenance = failed ? [] : root.Grants;
        return new SpfResult(
            domain, root.Node, ranges, provenance, lookups, voids, queries, unflattenable, diagnostics);
    }

    private static SpfResult Failed(string domain, IReadOnlyList<Diagnostic> diagnostics, int queries) =>
        new(domain, null, [], [], 0, 0, queries, [], diagnostics);
}
