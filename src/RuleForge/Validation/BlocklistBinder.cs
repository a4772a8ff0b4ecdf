using RuleForge.Diagnostics;
using RuleForge.Loading;
using RuleForge.Model;
using RuleForge.Net;
using RuleForge.Validation.Shapes;

namespace RuleForge.Validation;

/// <summary>Binds the 'blocklists' list.</summary>
internal static class BlocklistBinder
{
    private const uint ErrorBlockFirst = 0x7FFFFF00; // 127.255.255.0
    private const uint LoopbackFirst = 0x7F000000;   // 127.0.0.0
    private const uint LoopbackLast = 0x7FFFFFFF;    // 127.255.255.255

    /// <summary>The words of 'checks'.</summary>
    internal static readonly (string Word, BlocklistLookup? Value)[] CheckWords =
        [("client-ip", BlocklistLookup.ClientIp), ("sender-domain", BlocklistLookup.SenderDomain)];

    /// <summary>The words of 'act.smtpd'.</summary>
    internal static readonly (string Word, bool Value)[] SmtpdWords = [("reject", true), ("off", false)];

    public static List<Blocklist> Bind(SyntaxNode node, ValueReader values)
    {
        // Note: lazy, so each duplicate is reported right after its item, in file order.
        var bound = values.List(node, "blocklists", allowScalar: false).Select(i => BindOne(i, values));
        return UniqueIds.Keep(bound, b => b.Id, b => b.Location, "blocklist", values.Diagnostics);
    }

    private static Blocklist? BindOne(SyntaxNode node, ValueReader values)
    {
        var m = MappingReader.Open(node, values.Diagnostics, PolicyShape.Blocklist);
        if (m is null)
        {
            return null;
        }

        var id = m.Required("id") is { } i ? PolicyBinder.ReadId(values, i, "blocklist id") : null;
        var description = m.Optional("description") is { } d ? values.Text(d, "description") : null;
        var zone = m.Required("zone") is { } z ? PolicyBinder.ReadDomain(values, z, "zone", zone: true) : null;
        var checks = m.Optional("checks") is { } c
            ? values.Choice(c, "checks", CheckWords)
            : BlocklistLookup.ClientIp;
        var codes = m.Required("listing_codes") is { } lc ? BindCodes(lc, values, id ?? "?") : [];
        var act = m.Required("act") is { } a ? BindActions(a, values, checks ?? BlocklistLookup.ClientIp) : null;
        if (id is null || zone is null || checks is null || act is null || codes.Count == 0)
        {
            return null;
        }

        return new Blocklist(id, description, zone, checks.Value, codes, act, m.Location);
    }

    private static List<ListingCodeRange> BindCodes(SyntaxNode node, ValueReader values, string id)
    {
        var result = new List<ListingCodeRange>();
        var items = values.List(node, "listing_codes");
        if (items.Count == 0 && node is SequenceSyntax)
        {
            values.Diagnostics.Report(Messages.EmptyList, node.Location, "listing_codes");
        }

        foreach (var item in items)
        {
            var scalar = values.Scalar(item, "a listing code");
            if (scalar is null)
            {
                continue;
            }

            var parts = scalar.Value.Split('-', 2, StringSplitOptions.TrimEntries);
            if (!TryCode(parts[0], out var first) || !TryCode(parts[^1], out var last))
            {
                values.Diagnostics.Report(Messages.InvalidListingCode, scalar.Location, scalar.Value,
                    "it is not an IPv4 address or a range of two");
                continue;
            }

            if (first > last)
            {
                values.Diagnostics.Report(Messages.InvalidListingCode, scalar.Location, scalar.Value,
                    "the range starts after it ends");
                continue;
            }

            if (first < LoopbackFirst || last > LoopbackLast)
            {
                values.Diagnostics.Report(Messages.InvalidListingCode, scalar.Location, scalar.Value,
                    "blocklist answers lie in 127.0.0.0/8");
                continue;
            }

            if (last >= ErrorBlockFirst)
            {
                values.Diagnostics.Report(Messages.ErrorCodeAsListing, scalar.Location, scalar.Value, id);
                continue;
            }

            if (first >> 8 != last >> 8)
            {
                values.Diagnostics.Report(Messages.InvalidListingCode, scalar.Location, scalar.Value,
                    "a range must stay within one 127.x.y.0/24; write one range per /24");
                continue;
            }

            result.Add(new ListingCodeRange(first, last));
        }

        return result;
    }

    private static bool TryCode(string text, out uint code)
    {
        code = 0;
        if (!IpNetwork.TryParseAddress(text, out var family, out var value) || family != IpFamily.V4)
        {
            return false;
        }

        code = (uint)value;
        return true;
    }

    private static BlocklistActions? BindActions(SyntaxNode node, ValueReader values, BlocklistLookup checks)
    {
        var m = MappingReader.Open(node, values.Diagnostics, PolicyShape.Act);
        if (m is null)
        {
            return null;
        }

        int? postscreen = null;
        if (m.Optional("postscreen") is { } ps && !IsOff(ps))
        {
            if (checks == BlocklistLookup.SenderDomain)
            {
                values.Diagnostics.Report(
                    Messages.InvalidChoice, ps.Location, "postscreen", "a sender-domain blocklist",
                    "Postscreen only knows the client IP; set 'postscreen: off' for domain blocklists.");
            }
            else if (MappingReader.Open(ps, values.Diagnostics, PolicyShape.PostscreenAct) is { } pw
                && pw.Required("weight") is { } w)
            {
                postscreen = values.Integer(w, "postscreen weight", 1, 100);
            }
        }

        var smtpd = m.Optional("smtpd") is { } sm
            && values.Choice(sm, "act.smtpd", SmtpdWords);
        var rspamd = ReadScore(m.Optional("rspamd"), values, PolicyShape.RspamdAct);
        var sa = ReadScore(m.Optional("spamassassin"), values, PolicyShape.SpamAssassinAct);
        return new BlocklistActions(postscreen, smtpd, rspamd, sa);
    }

    private static double? ReadScore(SyntaxNode? node, ValueReader values, ObjectShape shape)
    {
        if (node is null || IsOff(node))
        {
            return null;
        }

        var m = MappingReader.Open(node, values.Diagnostics, shape);
        return m?.Required("score") is { } s ? values.Positive(s, $"{shape.Context}.score") : null;
    }

    private static bool IsOff(SyntaxNode node) => node is ScalarSyntax { Value: "off" };
}
