using RuleForge.Model;
using RuleForge.Net;
using RuleForge.Validation;

namespace RuleForge.Planning;

/// <summary>
/// Decides the Rspamd layout. Trust by range is a radix multimap; trust by authentication is a
/// composite of Rspamd's own SPF, DKIM and DMARC symbols with the sender's domains, so a forged
/// From never earns credit. Blocklists are rbl rules that only count their listing codes.
/// </summary>
public static class RspamdPlanner
{
    /// <summary>Plans the Rspamd output for a resolved policy.</summary>
    public static RspamdPlan Plan(Policy policy, RspamdTarget target)
    {
        var dir = target.MapDirectory;
        var maps = new List<MapFile>();
        var multimaps = new List<RspamdMultimap>();
        var composites = new List<RspamdComposite>();
        var trusts = new List<ScoredTrust>();
        foreach (var sender in policy.Senders)
        {
            var credit = -CreditCalculator.Credit(policy, sender, a => a.RspamdScore);
            var sym = Identifiers.ToSymbol(sender.Id);
            if (sender.Domains.Count > 0)
            {
                maps.Add(new MapFile($"{sender.Id}.domains.map", $"domains of trusted sender {sender.Id}",
                    sender.Domains.Select(d => new TableEntry(d, "", "policy")).ToList()));
            }

            if (sender.Ranges is { } ranges)
            {
                PlanRanges(sender, ranges, sym, credit, dir, maps, multimaps, composites, trusts);
            }

            if (sender.Authentication is { } auth)
            {
                PlanAuthentication(sender, auth, sym, credit, dir, multimaps, composites, trusts);
            }
        }

        var exempt = ExemptMap(policy, maps);
        var blocklists = policy.Blocklists.Where(b => b.Act.RspamdScore is not null)
            .Select(b => PlanBlocklist(b, exempt is null ? null : $"{dir}/{exempt}"))
            .ToList();
        // Note: every action is written, so a stock threshold the policy leaves out (greylist at
        // 4 in Debian's actions.conf) is turned off instead of silently undercutting the proof.
        var actions = new (string, double?)[]
        {
            ("greylist", target.Greylist), ("add_header", target.AddHeader),
            ("rewrite_subject", target.RewriteSubject), ("reject", target.Reject),
        }.Select(a => new ActionThreshold(a.Item1, a.Item2)).ToList();
        var scoring = new ContentScoring("rspamd", trusts,
            blocklists.Select(b => new ScoredBlocklist(b.BlocklistId, b.ListedSymbol, b.Score)).ToList(),
            target.Actions);
        return new RspamdPlan(dir, maps, Distinct(multimaps), composites, blocklists,
            target.DisableStockRbls, actions, scoring);
    }

    private static void PlanRanges(
        TrustedSender sender, RangeTrust ranges, string sym, double credit, string dir, List<MapFile> maps,
        List<RspamdMultimap> multimaps, List<RspamdComposite> composites, List<ScoredTrust> trusts)
    {
        var file = $"{sender.Id}.ip.map";
        maps.Add(new MapFile(file, $"client ranges of trusted sender {sender.Id}",
            ranges.Networks
                .Select(n => new TableEntry(n.ToString(), "", PostfixPlanner.Provenance(ranges, n)))
                .ToList()));
        if (!ranges.EnvelopeDomainRequired)
        {
            var symbol = $"RF_TRUST_{sym}_IP";
            multimaps.Add(new RspamdMultimap(symbol, "ip", $"{dir}/{file}", credit,
                $"RuleForge: client in the ranges of trusted sender {sender.Id}"));
            trusts.Add(new ScoredTrust(sender.Id, TrustMechanism.Ranges, symbol, credit));
            return;
        }

        multimaps.Add(new RspamdMultimap($"RF_{sym}_IP", "ip", $"{dir}/{file}", 0,
            $"RuleForge: client in the ranges of {sender.Id}"));
        multimaps.Add(EnvelopeFrom(sender, sym, dir));
        var trust = $"RF_TRUST_{sym}_IP";
        composites.Add(new RspamdComposite(trust, $"RF_{sym}_IP & RF_{sym}_ENVFROM", credit,
            $"RuleForge: trusted sender {sender.Id} by client range and envelope domain"));
        trusts.Add(new ScoredTrust(sender.Id, TrustMechanism.RangesWithEnvelopeDomain, trust, credit));
    }

    private static void PlanAuthentication(
        TrustedSender sender, AuthenticationRequirement auth, string sym, double credit, string dir,
        List<RspamdMultimap> multimaps, List<RspamdComposite> composites, List<ScoredTrust> trusts)
    {
        var clauses = new List<string>();
        if (auth.Spf)
        {
            multimaps.Add(EnvelopeFrom(sender, sym, dir));
            clauses.Add($"(R_SPF_ALLOW & RF_{sym}_ENVFROM)");
        }

        if (auth.Dkim || auth.Dmarc)
        {
            multimaps.Add(new RspamdMultimap($"RF_{sym}_HDRFROM", "header", $"{dir}/{sender.Id}.domains.map", 0,
                $"RuleForge: header From in the domains of {sender.Id}", Header: "From", Filter: "email:domain"));
        }

        if (auth.Dkim)
        {
            // Note: DKIM_TRACE carries "domain:+" for every valid signature; matching its options
            // names the signing domain, which R_DKIM_ALLOW alone would not.
            var signers = DomainPatterns.WithParents(auth.DkimAligned ? sender.Domains : auth.DkimDomains!);
            var valid = string.Join(" | ", signers.Select(d => $"DKIM_TRACE[{d}:+]"));
            clauses.Add($"(({valid}) & RF_{sym}_HDRFROM)");
        }

        if (auth.Dmarc)
        {
            clauses.Add($"(DMARC_POLICY_ALLOW & RF_{sym}_HDRFROM)");
        }

        var trust = $"RF_TRUST_{sym}_AUTH";
        var joiner = auth.RequireAll ? " & " : " | ";
        composites.Add(new RspamdComposite(trust, string.Join(joiner, clauses), credit,
            $"RuleForge: trusted sender {sender.Id} by {Describe(auth)}"));
        trusts.Add(new ScoredTrust(sender.Id, TrustMechanism.Authentication, trust, credit));
    }

    private static RspamdMultimap EnvelopeFrom(TrustedSender sender, string sym, string dir) =>
        new($"RF_{sym}_ENVFROM", "from", $"{dir}/{sender.Id}.domains.map", 0,
            $"RuleForge: envelope sender in the domains of {sender.Id}", Filter: "email:domain");

    private static string? ExemptMap(Policy policy, List<MapFile> maps)
    {
        // Note: only ranges trusted on their own are exempt from blocklist queries; ranges that
        // also need the envelope domain may carry other senders' mail that must still be checked.
        var unconditional = policy.Senders
            .Where(s => s.Ranges is { EnvelopeDomainRequired: false })
            .SelectMany(s => s.Ranges!.Networks)
            .ToList();
        if (unconditional.Count == 0)
        {
            return null;
        }

        const string File = "trusted-clients.ip.map";
        maps.Add(new MapFile(File, "ranges trusted on their own: never looked up in RuleForge's blocklists",
            AddressSet.From(unconditional).ToNetworks()
                .Select(n => new TableEntry(n.ToString(), "", "union of trusted ranges"))
                .ToList()));
        return File;
    }

    private static RspamdBlocklist PlanBlocklist(Blocklist list, string? exempt)
    {
        var sym = Identifiers.ToSymbol(list.Id);
        // Note: plain addresses, one per listing code, mean the same to every Rspamd: 3.4 reads
        // them as anchored Lua patterns (a dot matches itself in a dotted quad), later versions
        // compare them for equality by default.
        var codes = ListingCodePatterns.Enumerate(list.ListingCodes);
        var selector = list.Checks == BlocklistLookup.SenderDomain ? "from('smtp'):domain" : null;
        return new RspamdBlocklist(list.Id, $"rf_{Identifiers.ToSnake(list.Id)}", $"RF_BL_{sym}_CHECK",
            $"RF_BL_{sym}", list.Zone, selector, codes, list.Act.RspamdScore!.Value,
            list.Checks == BlocklistLookup.ClientIp ? exempt : null,
            $"RuleForge: listed in {list.Zone} ({list.Id})");
    }

    /// <summary>"all of spf, dkim" or "any of spf, dkim": used in descriptions of every target.</summary>
    internal static string Describe(AuthenticationRequirement auth) =>
        $"{(auth.RequireAll ? "all of" : "any of")} {string.Join(", ", auth.Checks)}";

    private static List<RspamdMultimap> Distinct(List<RspamdMultimap> multimaps) =>
        multimaps.GroupBy(m => m.Symbol).Select(g => g.First()).ToList();
}
