using RuleForge.Model;
using RuleForge.Validation;

namespace RuleForge.Planning;

/// <summary>
/// Decides the SpamAssassin layout. Trust by authentication uses welcomelist_auth (whitelist_auth
/// on 3.4) where its semantics and fixed score match the policy, and otherwise a meta rule over
/// SpamAssassin's own SPF, DKIM and DMARC results; trust by range uses RuleForge's relay plugin.
/// Blocklists check only the last external relay and match only their listing codes.
/// </summary>
public static class SpamAssassinPlanner
{
    /// <summary>Score SpamAssassin gives USER_IN_SPF_WELCOMELIST and USER_IN_DKIM_WELCOMELIST.</summary>
    public const double WelcomelistScore = -100;

    /// <summary>Plans the SpamAssassin output for a resolved policy.</summary>
    public static SpamAssassinPlan Plan(Policy policy, SpamAssassinTarget target)
    {
        var rules = new List<SaRule>();
        var nets = new List<SaClientNet>();
        var welcome = new List<SaWelcomelist>();
        var trusts = new List<ScoredTrust>();
        var worst = CreditCalculator.WorstCase(policy, a => a.SpamAssassinScore);
        var needsDmarc = false;
        foreach (var sender in policy.Senders)
        {
            var credit = -CreditCalculator.Credit(policy, sender, a => a.SpamAssassinScore);
            var sym = Identifiers.ToSymbol(sender.Id);
            if (sender.Ranges is { } ranges)
            {
                PlanRanges(sender, ranges, sym, credit, rules, nets, trusts);
            }

            if (sender.Authentication is not { } auth)
            {
                continue;
            }

            if (CanUseWelcomelist(sender, auth, worst, target.RequiredScore))
            {
                PlanWelcomelist(sender, auth, target, welcome, trusts);
            }
            else
            {
                needsDmarc |= auth.Dmarc;
                PlanAuthMeta(sender, auth, sym, credit, rules, trusts);
            }
        }

        var blocklists = new List<ScoredBlocklist>();
        foreach (var list in policy.Blocklists.Where(b => b.Act.SpamAssassinScore is not null))
        {
            PlanBlocklist(list, rules, blocklists);
        }

        var scoring = new ContentScoring("spamassassin", trusts, blocklists,
            [("required_score", target.RequiredScore)]);
        return new SpamAssassinPlan(
            nets.Count > 0 ? $"{target.PluginDirectory}/ruleforge/TrustedRelay.pm" : null,
            nets, welcome, rules, target.DisableStockRules,
            policy.SiteRelays.Select(r => r.ToString()).ToList(), target.RequiredScore, needsDmarc, scoring);
    }

    private static void PlanRanges(
        TrustedSender sender, RangeTrust ranges, string sym, double credit,
        List<SaRule> rules, List<SaClientNet> nets, List<ScoredTrust> trusts)
    {
        var list = Identifiers.ToSnake(sender.Id);
        nets.AddRange(ranges.Networks.Select(n =>
            new SaClientNet(list, n.ToString(), PostfixPlanner.Provenance(ranges, n))));
        var call = $"eval:ruleforge_client_in('{list}')";
        var trust = $"RF_TRUST_{sym}_IP";
        if (!ranges.EnvelopeDomainRequired)
        {
            rules.Add(new SaRule("header", trust, call, credit,
                $"RuleForge: client in the ranges of trusted sender {sender.Id}", "nice"));
            trusts.Add(new ScoredTrust(sender.Id, TrustMechanism.Ranges, trust, credit));
            return;
        }

        rules.Add(new SaRule("header", $"__RF_{sym}_IP", call));
        AddEnvelopeFrom(sender, sym, rules);
        rules.Add(new SaRule("meta", trust, $"(__RF_{sym}_IP && __RF_{sym}_ENVFROM)", credit,
            $"RuleForge: trusted sender {sender.Id} by client range and envelope domain", "nice"));
        trusts.Add(new ScoredTrust(sender.Id, TrustMechanism.RangesWithEnvelopeDomain, trust, credit));
    }

    private static bool CanUseWelcomelist(
        TrustedSender sender, AuthenticationRequirement auth, double worst, double required) =>
        (!auth.RequireAll || auth.Checks.Count == 1)
        && !auth.Dmarc
        && (!auth.Dkim || auth.DkimAligned)
        && sender.Credit.IsOutrank
        && worst + WelcomelistScore < required;

    private static void PlanWelcomelist(
        TrustedSender sender, AuthenticationRequirement auth, SpamAssassinTarget target,
        List<SaWelcomelist> welcome, List<ScoredTrust> trusts)
    {
        var word = target.UsesWelcomelistNames ? "welcomelist" : "whitelist";
        var rule = target.UsesWelcomelistNames ? "WELCOMELIST" : "WHITELIST";
        var directive = auth is { Spf: true, Dkim: true } ? $"{word}_auth"
            : auth.Spf ? $"{word}_from_spf" : $"{word}_from_dkim";
        welcome.AddRange(sender.Domains.Select(d => new SaWelcomelist(sender.Id, directive, $"*@{d}")));
        if (auth.Spf)
        {
            trusts.Add(new(sender.Id, TrustMechanism.Authentication, $"USER_IN_SPF_{rule}", WelcomelistScore));
        }

        if (auth.Dkim)
        {
            trusts.Add(new(sender.Id, TrustMechanism.Authentication, $"USER_IN_DKIM_{rule}", WelcomelistScore));
        }
    }

    private static void PlanAuthMeta(
        TrustedSender sender, AuthenticationRequirement auth, string sym, double credit,
        List<SaRule> rules, List<ScoredTrust> trusts)
    {
        var clauses = new List<string>();
        if (auth.Spf)
        {
            AddEnvelopeFrom(sender, sym, rules);
            clauses.Add($"(SPF_PASS && __RF_{sym}_ENVFROM)");
        }

        if (auth.Dkim || auth.Dmarc)
        {
            var from = $"From:addr =~ {DomainPatterns.AddressRegex(sender.Domains)}";
            rules.Add(new SaRule("header", $"__RF_{sym}_HDRFROM", from));
        }

        if (auth.Dkim)
        {
            var signers = DomainPatterns.WithParents(auth.DkimAligned ? sender.Domains : auth.DkimDomains!);
            var args = string.Join(", ", signers.Select(d => $"'{d}'"));
            rules.Add(new SaRule("full", $"__RF_{sym}_DKIM", $"eval:check_dkim_valid({args})"));
            clauses.Add($"(__RF_{sym}_DKIM && __RF_{sym}_HDRFROM)");
        }

        if (auth.Dmarc)
        {
            clauses.Add($"(__RF_DMARC_PASS && __RF_{sym}_HDRFROM)");
        }

        var trust = $"RF_TRUST_{sym}_AUTH";
        var joiner = auth.RequireAll ? " && " : " || ";
        rules.Add(new SaRule("meta", trust, string.Join(joiner, clauses), credit,
            $"RuleForge: trusted sender {sender.Id} by {RspamdPlanner.Describe(auth)}",
            "nice"));
        trusts.Add(new ScoredTrust(sender.Id, TrustMechanism.Authentication, trust, credit));
    }

    private static void AddEnvelopeFrom(TrustedSender sender, string sym, List<SaRule> rules)
    {
        var name = $"__RF_{sym}_ENVFROM";
        if (rules.All(r => r.Name != name))
        {
            var envelope = $"EnvelopeFrom:addr =~ {DomainPatterns.AddressRegex(sender.Domains)}";
            rules.Add(new SaRule("header", name, envelope));
        }
    }

    private static void PlanBlocklist(Blocklist list, List<SaRule> rules, List<ScoredBlocklist> blocklists)
    {
        var sym = Identifiers.ToSymbol(list.Id);
        var codes = ListingCodePatterns.Patterns(list.ListingCodes, @"\.");
        var subtest = $"^(?:{string.Join('|', codes)})$";
        var name = $"RF_BL_{sym}";
        var describe = $"RuleForge: listed in {list.Zone} ({list.Id})";
        if (list.Checks == BlocklistLookup.ClientIp)
        {
            // Note: a set name ending in -lastexternal makes SpamAssassin query only the relay
            // that handed the message to the site, which is the client Postfix saw.
            var set = $"rf_{Identifiers.ToSnake(list.Id)}-lastexternal";
            rules.Add(new SaRule("header", $"__{name}", $"eval:check_rbl('{set}', '{list.Zone}.')", Tflags: "net"));
            rules.Add(new SaRule("header", name, $"eval:check_rbl_sub('{set}', '{subtest}')",
                list.Act.SpamAssassinScore, describe, "net"));
        }
        else
        {
            var set = $"rf_{Identifiers.ToSnake(list.Id)}";
            rules.Add(new SaRule("header", name, $"eval:check_rbl_envfrom('{set}', '{list.Zone}.', '{subtest}')",
                list.Act.SpamAssassinScore, describe, "net domains_only"));
        }

        blocklists.Add(new ScoredBlocklist(list.Id, name, list.Act.SpamAssassinScore!.Value));
    }
}
