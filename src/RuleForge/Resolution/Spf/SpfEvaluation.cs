using System.Collections.Immutable;
using RuleForge.Diagnostics;
using RuleForge.Net;
using RuleForge.Resolution.Dns;
using RuleForge.Validation;

namespace RuleForge.Resolution.Spf;

/// <summary>
/// Evaluates one SPF tree for flattening. The terms of a record are evaluated concurrently and
/// combined in record order, so the tree, the counts and the diagnostics do not depend on
/// which answer arrived first. Only DNS answers are shared between branches (through the
/// cache); each include is evaluated where it occurs, as a receiver would.
/// </summary>
internal sealed class SpfEvaluation(SpfQueryCache cache, SpfLimits limits, string sender)
{
    private int _terms;

    /// <summary>Reads and evaluates the record of <paramref name="domain"/>.</summary>
    /// <param name="path">The domains from the root to this one, for loop detection.</param>
    public async Task<SpfNodeEvaluation> EvaluateAsync(string domain, ImmutableList<string> path, int depth)
    {
        var answer = await cache.QueryAsync(domain, DnsRecordType.Txt).ConfigureAwait(false);
        var at = SourceLocation.OfFile(domain);
        if (Oversized(answer, domain) is { } refused)
        {
            return new(new SpfNode(domain, null, [], [refused]), [], HasRecord: true, TxtVoid: false);
        }

        var records = answer.Values.Where(SpfRecordParser.IsSpfRecord).ToList();
        if (records.Count == 0)
        {
            return new(new SpfNode(domain, null, [], []), [], HasRecord: false, TxtVoid: answer.IsVoid);
        }

        if (records.Count > 1)
        {
            var problem = Messages.SpfMultipleRecords.At(at, domain, records.Count);
            return new(new SpfNode(domain, string.Join(" | ", records), [], [problem]), [], true, false);
        }

        var record = SpfRecordParser.Parse(records[0]);
        if (record.Errors.Count > 0)
        {
            var problems = record.Errors.Select(e => Messages.SpfSyntax.At(at, domain, e)).ToList();
            return new(new SpfNode(domain, record.Text, [], problems), [], true, false);
        }

        if (Interlocked.Add(ref _terms, record.Terms.Count + 1) > limits.Terms)
        {
            throw new SpfLimitException($"the record tree has more than {limits.Terms} terms");
        }

        return await EvaluateRecordAsync(domain, record, path, depth).ConfigureAwait(false);
    }

    // Note: a record is refused for its size alone, before it is parsed: a hostile server could
    // otherwise make every flattening read and hold megabytes of terms. The TXT bounds apply to
    // every record at the name, SPF or not, since all of them arrive in the one answer.
    private Diagnostic? Oversized(DnsAnswer answer, string domain)
    {
        var at = SourceLocation.OfFile(domain);
        if (answer.Values.Count > limits.TxtRecords)
        {
            return Messages.TxtTooManyRecords.At(at, domain, answer.Values.Count, limits.TxtRecords);
        }

        if (answer.TxtStrings is { Count: > 0 } counts && counts.Max() > limits.TxtStrings)
        {
            return Messages.TxtTooManyStrings.At(at, domain, counts.Max(), limits.TxtStrings);
        }

        var largest = answer.Values.Where(SpfRecordParser.IsSpfRecord)
            .Select(v => System.Text.Encoding.UTF8.GetByteCount(v)).DefaultIfEmpty(0).Max();
        return largest > limits.RecordBytes
            ? Messages.SpfRecordTooLarge.At(at, domain, largest, limits.RecordBytes)
            : null;
    }

    private async Task<SpfNodeEvaluation> EvaluateRecordAsync(
        string domain, SpfRecord record, ImmutableList<string> path, int depth)
    {
        var at = SourceLocation.OfFile(domain);
        var allIndex = record.Terms.ToList().FindIndex(t => t.Mechanism == SpfMechanism.All);
        var live = allIndex < 0 ? record.Terms : record.Terms.Take(allIndex + 1).ToList();
        var tasks = live.Select(t => EvaluateTermAsync(t, domain, path, depth)).ToList();
        if (allIndex < 0 && record.Redirect is { } redirect)
        {
            tasks.Add(EvaluateRedirectAsync(redirect, domain, path, depth));
        }

        var evaluations = await Task.WhenAll(tasks).ConfigureAwait(false);

        var results = new List<SpfTermResult>();
        var diagnostics = new List<Diagnostic>();
        var grants = new List<SpfRange>();
        var decided = AddressSet.Empty;
        foreach (var e in evaluations)
        {
            // Note: SPF is first match; addresses an earlier term decided are not granted again.
            // Limitation: an unflattenable term (exists, ptr, a macro) matches an unknown set, so a
            // '-exists:...' before a pass term cannot take its addresses away here; such terms are
            // always reported as unflattenable.
            var kept = Shadow(e.Grants, decided);
            results.Add(e.Result with { Granted = AddressSet.From(kept.Select(k => k.Network)).ToNetworks() });
            grants.AddRange(kept);
            decided = decided.Union(e.Match);
            diagnostics.AddRange(e.Diagnostics);
        }

        if (allIndex >= 0)
        {
            AddIgnored(domain, record, allIndex, results, diagnostics);
        }

        foreach (var unknown in record.Modifiers.Where(m => m.Name is not ("redirect" or "exp")))
        {
            diagnostics.Add(Messages.SpfUnknownModifier.At(at, domain, unknown.Text));
        }

        return new(new SpfNode(domain, record.Text, results, diagnostics), grants, true, false);
    }

    private static void AddIgnored(
        string domain, SpfRecord record, int allIndex, List<SpfTermResult> results, List<Diagnostic> diagnostics)
    {
        var at = SourceLocation.OfFile(domain);
        var all = record.Terms[allIndex].Text;
        var ignored = record.Terms.Skip(allIndex + 1).ToList();
        results.AddRange(ignored.Select(t => Result(t.Text, SpfTermOutcome.Ignored, "after 'all'")));
        if (ignored.Count > 0)
        {
            var texts = string.Join(' ', ignored.Select(t => t.Text));
            diagnostics.Add(Messages.SpfTermsAfterAll.At(at, domain, all, texts));
        }

        if (record.Redirect is { } redirect)
        {
            results.Add(Result(redirect.Text, SpfTermOutcome.Ignored, "the record has 'all'"));
            diagnostics.Add(Messages.SpfRedirectIgnored.At(at, domain, all, redirect.Text));
        }
    }

    private async Task<SpfTermEvaluation> EvaluateTermAsync(
        SpfTerm term, string domain, ImmutableList<string> path, int depth)
    {
        switch (term.Mechanism)
        {
            case SpfMechanism.All when term.Qualifier == SpfQualifier.Pass:
                return Unflattenable(term.Text, domain, false,
                    "it passes every address; trusting it by IP would trust the whole Internet");
            case SpfMechanism.All:
                return new(Result(term.Text, SpfTermOutcome.All, Word(term.Qualifier)), AddressSet.Empty, [], []);
            case SpfMechanism.Ip4:
            case SpfMechanism.Ip6:
                return Ranges(term, domain, [(term.Network!.Value, term.Text)], 0, [], "");
            case SpfMechanism.Ptr:
                return Unflattenable(term.Text, domain, true,
                    "ptr matches on the client's reverse DNS name, known only when mail arrives");
            case SpfMechanism.Exists:
                return Unflattenable(term.Text, domain, true,
                    "exists asks DNS about a name built from the message, known only when mail arrives");
        }

        if (!SpfMacro.TryExpand(term.DomainSpec ?? domain, domain, sender, out var expanded, out var blocker))
        {
            return Unflattenable(term.Text, domain, true,
                $"the macro '{blocker}' depends on the message, known only when mail arrives");
        }

        if (!DomainNames.TryNormalise(expanded, allowUnderscore: true, out var target, out var error))
        {
            var problem = Messages.SpfSyntax.At(SourceLocation.OfFile(domain), domain, $"'{term.Text}': {error}");
            return new(Result(term.Text, SpfTermOutcome.Void, error) with { CountsAsLookup = true },
                AddressSet.Empty, [], [problem]);
        }

        return term.Mechanism switch
        {
            SpfMechanism.Include => await FollowAsync(term.Text, term.Qualifier, target, domain, path, depth)
                .ConfigureAwait(false),
            SpfMechanism.A => await AddressTermAsync(term, domain, target).ConfigureAwait(false),
            _ => await MxTermAsync(term, domain, target).ConfigureAwait(false),
        };
    }

    private async Task<SpfTermEvaluation> EvaluateRedirectAsync(
        SpfModifier redirect, string domain, ImmutableList<string> path, int depth)
    {
        if (!SpfMacro.TryExpand(redirect.Value, domain, sender, out var expanded, out var blocker))
        {
            return Unflattenable(redirect.Text, domain, true,
                $"the macro '{blocker}' depends on the message, known only when mail arrives");
        }

        if (!DomainNames.TryNormalise(expanded, allowUnderscore: true, out var target, out var error))
        {
            var problem = Messages.SpfSyntax.At(SourceLocation.OfFile(domain), domain, $"'{redirect.Text}': {error}");
            return new(Result(redirect.Text, SpfTermOutcome.Void, error), AddressSet.Empty, [], [problem]);
        }

        return await FollowAsync(redirect.Text, SpfQualifier.Pass, target, domain, path, depth).ConfigureAwait(false);
    }

    /// <summary>An include or a redirect: matches where the target's record passes.</summary>
    private async Task<SpfTermEvaluation> FollowAsync(
        string text, SpfQualifier qualifier, string target, string domain, ImmutableList<string> path, int depth)
    {
        var at = SourceLocation.OfFile(domain);
        if (path.Contains(target))
        {
            var loop = string.Join(" -> ", path.Add(target));
            return new(Result(text, SpfTermOutcome.Loop, loop) with { CountsAsLookup = true }, AddressSet.Empty, [],
                [Messages.SpfLoop.At(at, text, domain, target, loop)]);
        }

        if (depth + 1 > limits.Depth)
        {
            throw new SpfLimitException($"includes and redirects nest deeper than {limits.Depth} records");
        }

        var child = await EvaluateAsync(target, path.Add(target), depth + 1).ConfigureAwait(false);
        if (!child.HasRecord)
        {
            var none = new SpfTermResult(text, SpfTermOutcome.NoRecord, $"{target} has no SPF record", [],
                child.Node, true, child.TxtVoid ? 1 : 0, []);
            return new(none, AddressSet.Empty, [], [Messages.SpfTargetNoRecord.At(at, text, domain, target)]);
        }

        var passes = AddressSet.From(child.Grants.Select(g => g.Network));
        if (qualifier == SpfQualifier.Pass)
        {
            var granted = new SpfTermResult(text, SpfTermOutcome.Granted, target, [], child.Node, true, 0, []);
            return new(granted, passes, child.Grants, []);
        }

        var refused = new SpfTermResult(text, SpfTermOutcome.NotTrusted, Word(qualifier), [], child.Node, true, 0, []);
        return new(refused, passes, [], [Messages.SpfNotTrusted.At(at, text, domain, Word(qualifier))]);
    }

    private async Task<SpfTermEvaluation> AddressTermAsync(SpfTerm term, string domain, string target)
    {
        var (networks, isVoid) = await AddressesAsync(target, term).ConfigureAwait(false);
        return Ranges(term, domain, [.. networks.Select(n => (n, term.Text))], isVoid ? 1 : 0, [], target);
    }

    private async Task<SpfTermEvaluation> MxTermAsync(SpfTerm term, string domain, string target)
    {
        var mx = await cache.QueryAsync(target, DnsRecordType.Mx).ConfigureAwait(false);

        // Note: a null MX (RFC 7505, a single ".") names no host.
        var hosts = mx.Values.Where(h => h.Length > 0).ToList();
        var perHost = await Task.WhenAll(hosts.Select(h => AddressesAsync(h, term))).ConfigureAwait(false);
        var networks = hosts.Zip(perHost)
            .SelectMany(p => p.Second.Networks.Select(n => (n, $"{term.Text} ({p.First})")))
            .ToList();
        var voids = (mx.IsVoid ? 1 : 0) + perHost.Count(p => p.IsVoid);
        var evaluation = Ranges(term, domain, networks, voids, hosts, $"MX of {target}: {string.Join(", ", hosts)}");
        if (hosts.Count <= limits.MxNames)
        {
            return evaluation;
        }

        var tooMany = Messages.SpfTooManyMxNames.At(
            SourceLocation.OfFile(domain), term.Text, domain, hosts.Count, limits.MxNames);
        return evaluation with { Diagnostics = [.. evaluation.Diagnostics, tooMany] };
    }

    /// <summary>
    /// The A and AAAA addresses of a name with the term's prefix lengths. The lookup is void
    /// when the name has no address at all.
    /// </summary>
    // Limitation: a receiver asks only for the client's family, so a name with A records but
    // no AAAA is a void lookup for IPv6 clients; it is counted only when both are empty.
    private async Task<(List<IpNetwork> Networks, bool IsVoid)> AddressesAsync(string name, SpfTerm term)
    {
        var v4 = cache.QueryAsync(name, DnsRecordType.A);
        var v6 = cache.QueryAsync(name, DnsRecordType.Aaaa);
        var answers = await Task.WhenAll(v4, v6).ConfigureAwait(false);
        var networks = answers[0].Values.Select(a => Network(a, term.V4Prefix))
            .Concat(answers[1].Values.Select(a => Network(a, term.V6Prefix)))
            .OfType<IpNetwork>()
            .ToList();
        return (networks, answers[0].IsVoid && answers[1].IsVoid);
    }

    private static IpNetwork? Network(string address, int prefix) =>
        IpNetwork.TryParse($"{address}/{prefix}", out var network, out _) ? network : null;

    private static SpfTermEvaluation Ranges(
        SpfTerm term,
        string domain,
        List<(IpNetwork Network, string Term)> networks,
        int voids,
        IReadOnlyList<string> hosts,
        string detail)
    {
        var match = AddressSet.From(networks.Select(n => n.Network));
        var lookup = term.QueriesDns;
        if (networks.Count == 0)
        {
            var empty = new SpfTermResult(term.Text, SpfTermOutcome.Void, $"{detail}: no addresses".TrimStart(':', ' '),
                [], null, lookup, voids, hosts);
            return new(empty, match, [], []);
        }

        if (term.Qualifier != SpfQualifier.Pass)
        {
            var refused = new SpfTermResult(term.Text, SpfTermOutcome.NotTrusted, Word(term.Qualifier), [], null,
                lookup, voids, hosts);
            return new(refused, match, [], [Messages.SpfNotTrusted.At(SourceLocation.OfFile(domain), term.Text,
                domain, Word(term.Qualifier))]);
        }

        var granted = new SpfTermResult(term.Text, SpfTermOutcome.Granted, detail, [], null, lookup, voids, hosts);
        return new(granted, match, [.. networks.Select(n => new SpfRange(n.Network, domain, n.Term))], []);
    }

    private static SpfTermEvaluation Unflattenable(string text, string domain, bool lookup, string reason)
    {
        var result = Result(text, SpfTermOutcome.Unflattenable, reason) with { CountsAsLookup = lookup };
        return new(result, AddressSet.Empty, [],
            [Messages.SpfUnflattenable.At(SourceLocation.OfFile(domain), text, domain, reason)]);
    }

    private static List<SpfRange> Shadow(IReadOnlyList<SpfRange> grants, AddressSet decided)
    {
        if (decided.IsEmpty)
        {
            return [.. grants];
        }

        return [.. grants.SelectMany(g => AddressSet.From([g.Network]).Except(decided).ToNetworks()
            .Select(n => g with { Network = n }))];
    }

    private static SpfTermResult Result(string text, SpfTermOutcome outcome, string detail) =>
        new(text, outcome, detail, [], null, false, 0, []);

    private static string Word(SpfQualifier qualifier) => qualifier switch
    {
        SpfQualifier.Fail => "fail",
        SpfQualifier.SoftFail => "softfail",
        SpfQualifier.Neutral => "neutral",
        _ => "pass",
    };
}
