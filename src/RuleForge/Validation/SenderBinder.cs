using RuleForge.Diagnostics;
using RuleForge.Loading;
using RuleForge.Model;
using RuleForge.Net;
using RuleForge.Validation.Shapes;

namespace RuleForge.Validation;

/// <summary>Binds the 'senders' list.</summary>
internal static class SenderBinder
{
    /// <summary>The words of authentication.match: all checks, or any one.</summary>
    internal static readonly (string Word, bool? Value)[] MatchWords = [("all", true), ("any", false)];

    /// <summary>The words of authentication.spf and .dmarc.</summary>
    internal static readonly (string Word, bool? Value)[] PassWords = [("pass", true), ("off", false)];

    public static List<TrustedSender> Bind(SyntaxNode node, ValueReader values, IReadOnlyList<FeedDefinition> feeds)
    {
        var items = values.List(node, "senders", allowScalar: false);
        if (items.Count == 0 && node is SequenceSyntax)
        {
            values.Diagnostics.Report(Messages.EmptyList, node.Location, "senders");
        }

        return UniqueIds.Keep(items.Select(i => BindOne(i, values, feeds)), s => s.Id, s => s.Location,
            "sender", values.Diagnostics);
    }

    private static TrustedSender? BindOne(SyntaxNode node, ValueReader values, IReadOnlyList<FeedDefinition> feeds)
    {
        var m = MappingReader.Open(node, values.Diagnostics, PolicyShape.Sender);
        if (m is null)
        {
            return null;
        }

        var id = m.Required("id") is { } i ? PolicyBinder.ReadId(values, i, "sender id") : null;
        var description = m.Optional("description") is { } d ? values.Text(d, "description") : null;
        var domains = m.Optional("domains") is { } ds
            ? values.List(ds, "domains")
                .Select(x => PolicyBinder.ReadDomain(values, x, "a domain", zone: false))
                .OfType<string>().Distinct().ToList()
            : [];
        var auth = m.Optional("authentication") is { } a ? BindAuthentication(a, values, id ?? "?") : null;
        var ranges = m.Optional("ranges") is { } r ? BindRanges(r, values, feeds, id ?? "?") : null;
        var credit = m.Optional("credit") is { } c ? BindCredit(c, values) : Credit.Outrank;
        if (id is null || credit is null)
        {
            return null;
        }

        if (auth is null && ranges is null && m.Optional("authentication") is null && m.Optional("ranges") is null)
        {
            values.Diagnostics.Report(Messages.NoTrustMechanism, m.Location, id);
        }

        if (auth is not null && domains.Count == 0 && m.Optional("domains") is null)
        {
            values.Diagnostics.Report(Messages.AuthNeedsDomains, m.Location, id);
        }

        if (ranges is { EnvelopeDomainRequired: true } && domains.Count == 0 && m.Optional("domains") is null)
        {
            values.Diagnostics.Report(Messages.DomainRangeNeedsDomains, m.Location, id);
        }

        return new TrustedSender(id, description, domains, auth, ranges, credit, m.Location);
    }

    private static AuthenticationRequirement? BindAuthentication(SyntaxNode node, ValueReader values, string id)
    {
        var m = MappingReader.Open(node, values.Diagnostics, PolicyShape.Authentication);
        if (m is null)
        {
            return null;
        }

        var all = m.Optional("match") is { } mt
            ? values.Choice(mt, "authentication.match", MatchWords)
            : true;
        var spf = m.Optional("spf") is { } s
            ? values.Choice(s, "authentication.spf", PassWords)
            : false;
        var dmarc = m.Optional("dmarc") is { } dm
            ? values.Choice(dm, "authentication.dmarc", PassWords)
            : false;
        IReadOnlyList<string>? dkim = null;
        if (m.Optional("dkim") is { } dk)
        {
            dkim = dk switch
            {
                ScalarSyntax { Value: "aligned" } => [],
                ScalarSyntax { Value: "off" } => null,
                SequenceSyntax seq => seq.Items
                    .Select(x => PolicyBinder.ReadDomain(values, x, "a DKIM signing domain", zone: false))
                    .OfType<string>().ToList(),
                _ => ReportDkim(dk, values),
            };
        }

        if (all is null || spf is null || dmarc is null)
        {
            return null;
        }

        if (spf == false && dkim is null && dmarc == false)
        {
            values.Diagnostics.Report(Messages.NoAuthCheck, m.Location, id);
            return null;
        }

        return new AuthenticationRequirement(all.Value, spf.Value, dkim, dmarc.Value);
    }

    private static IReadOnlyList<string>? ReportDkim(SyntaxNode node, ValueReader values)
    {
        var text = node is ScalarSyntax s ? s.Value : node.KindName;
        values.Diagnostics.Report(Messages.InvalidChoice, node.Location, text, "authentication.dkim",
            "Write 'aligned' (signed by the header From domain), 'off', or a list of signing domains.");
        return null;
    }

    private static RangeTrust? BindRanges(
        SyntaxNode node, ValueReader values, IReadOnlyList<FeedDefinition> feeds, string id)
    {
        var m = MappingReader.Open(node, values.Diagnostics, PolicyShape.Ranges);
        if (m is null)
        {
            return null;
        }

        var acknowledged = m.Optional("acknowledge") is { } ack
            ? values.List(ack, "ranges.acknowledge")
                .Select(x => values.Choice(x, "ranges.acknowledge",
                    SpecialRanges.AcknowledgementWords.Select(w => (w, w)).ToArray()))
                .OfType<string>().ToList()
            : [];
        var sources = new List<RangeSource>();
        var needed = new HashSet<string>(StringComparer.Ordinal);
        if (m.Optional("inline") is { } inline)
        {
            foreach (var item in values.List(inline, "ranges.inline"))
            {
                if (PolicyBinder.ReadNetwork(values, item, "a range") is { } network)
                {
                    var source = new RangeSource(network, "inline");
                    needed.UnionWith(RangeChecks.Check(id, source, acknowledged, item.Location, values.Diagnostics));
                    sources.Add(source);
                }
            }
        }

        if (m.Optional("inline") is { } listed && sources.Count > 0
            && RangeChecks.CheckTotal(id, "the inline list", sources.Select(s => s.Network).ToList(), acknowledged,
                listed.Location, values.Diagnostics))
        {
            needed.Add("broad");
        }

        var selections = m.Optional("select") is { } sel
            ? values.List(sel, "ranges.select", allowScalar: false)
                .Select(x => FeedBinder.BindSelection(x, values, feeds)).OfType<FeedSelection>().ToList()
            : [];
        var spf = m.Optional("spf") is { } sp ? BindSpf(sp, values) : [];
        var envelope = BindEnvelope(m, values, spf.Count > 0, id);
        // Note: count what was written, not what parsed, so a bad entry is not also called "empty".
        var written = Count(m.Optional("inline")) + Count(m.Optional("select")) + Count(m.Optional("spf"));
        if (written == 0)
        {
            values.Diagnostics.Report(Messages.EmptyList, m.Location, "ranges (inline, select or spf)");
        }

        // Note: acknowledgements for feed and SPF ranges are checked again after resolution.
        if (selections.Count == 0 && spf.Count == 0)
        {
            foreach (var word in acknowledged.Where(w => !needed.Contains(w)))
            {
                values.Diagnostics.Report(Messages.AckUnused, m.Location, word, id);
            }
        }

        var networks = AddressSet.From(sources.Select(s => s.Network)).ToNetworks();
        return new RangeTrust(networks, sources, selections, spf, envelope, acknowledged);
    }

    private static List<SpfTrust> BindSpf(SyntaxNode node, ValueReader values) =>
        values.List(node, "ranges.spf")
            .Select(x => PolicyBinder.ReadDomain(values, x, "an SPF domain", zone: false) is { } domain
                ? new SpfTrust(domain, x.Location)
                : null)
            .OfType<SpfTrust>()
            .DistinctBy(t => t.Domain, StringComparer.Ordinal)
            .ToList();

    // Note: SPF ranges name the hosts that may send for a domain, often a provider's shared
    // infrastructure, so they count only together with the sender's envelope domain: the
    // default is true when 'spf' is given, and false is refused.
    private static bool BindEnvelope(MappingReader m, ValueReader values, bool hasSpf, string id)
    {
        if (m.Optional("envelope_domain_required") is not { } e)
        {
            return hasSpf;
        }

        var value = values.Boolean(e, "envelope_domain_required");
        if (value == false && hasSpf)
        {
            values.Diagnostics.Report(Messages.SpfEnvelopeRequired, e.Location, id);
        }

        return value ?? hasSpf;
    }

    private static int Count(SyntaxNode? node) => node switch
    {
        SequenceSyntax seq => seq.Items.Count,
        ScalarSyntax { IsNull: true } or null => 0,
        _ => 1,
    };

    private static Credit? BindCredit(SyntaxNode node, ValueReader values)
    {
        if (node is ScalarSyntax { Value: "outrank", IsQuoted: false })
        {
            return Credit.Outrank;
        }

        var value = values.Positive(node, "credit");
        return value is null ? null : new Credit(value);
    }
}
