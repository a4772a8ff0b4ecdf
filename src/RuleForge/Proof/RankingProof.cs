using System.Globalization;
using RuleForge.Diagnostics;
using RuleForge.Model;
using RuleForge.Net;
using RuleForge.Planning;

namespace RuleForge.Proof;

/// <summary>
/// Shows, for every trusted sender and every blocklist, at every stage where the blocklist can
/// act in each enabled target, that the sender's trust is established there first, or that its
/// credit beats the worst case. Works on the plans, so it proves what is rendered.
/// </summary>
public static class RankingProof
{
    /// <summary>Runs every obligation; failures become RF14xx diagnostics.</summary>
    public static ProofResult Prove(BuildPlan plan)
    {
        var obligations = new List<Obligation>();
        var diagnostics = new DiagnosticBag();
        var policy = plan.Policy;
        var index = new PlanIndex(plan, Parse);
        foreach (var sender in policy.Senders)
        {
            foreach (var list in policy.Blocklists)
            {
                if (plan.Postfix is { } postfix)
                {
                    ProvePostscreen(sender, list, postfix, index, obligations, diagnostics);
                    ProveSmtpd(sender, list, index, obligations, diagnostics);
                }

                foreach (var scoring in plan.ContentScorings)
                {
                    ProveContent(policy, sender, list, scoring, index, obligations, diagnostics);
                }
            }
        }

        WarnOutsideRanges(plan, obligations, diagnostics);
        return new ProofResult(obligations, diagnostics.Items);
    }

    // A sender trusted both by ranges and by authentication is protected from early rejects
    // only when it sends from its ranges; say so once per sender and blocklist that rejects.
    private static void WarnOutsideRanges(BuildPlan plan, List<Obligation> obligations, DiagnosticBag diagnostics)
    {
        // Note: one lookup for all senders; a scan of every obligation per sender grows as senders squared.
        var proven = obligations
            .Where(o => o.Target == "postfix" && o.Status == ObligationStatus.Proven)
            .ToLookup(o => o.SenderId, StringComparer.Ordinal);
        foreach (var sender in plan.Policy.Senders.Where(s => s is { Ranges: not null, Authentication: not null }))
        {
            var early = proven[sender.Id].GroupBy(o => o.BlocklistId);
            foreach (var group in early)
            {
                var stages = string.Join(" and ", group.Select(o => o.Stage.Split(' ')[0]).Distinct());
                diagnostics.Report(Messages.OutsideRangesContentOnly, sender.Location, sender.Id, group.Key, stages);
            }
        }
    }

    private static void ProvePostscreen(
        TrustedSender sender, Blocklist list, PostfixPlan postfix, PlanIndex index,
        List<Obligation> obligations, DiagnosticBag diagnostics)
    {
        const string Stage = "connect (postscreen)";
        if (postfix.Postscreen is not { } ps)
        {
            return;
        }

        var mine = ps.Sites.Where(s => s.BlocklistId == list.Id).Sum(s => s.Weight);
        var total = ps.Sites.Sum(s => s.Weight);
        if (mine == 0 || total < ps.Threshold)
        {
            var why = mine == 0
                ? "the blocklist is not a postscreen DNSBL site"
                : $"all postscreen sites together weigh {total}, below the threshold {ps.Threshold}";
            obligations.Add(new(sender.Id, list.Id, "postfix", Stage, ObligationStatus.NotApplicable, why));
            return;
        }

        var permitted = index.Permitted;
        if (sender.Ranges is { } ranges && ranges.Networks.All(permitted.Covers))
        {
            obligations.Add(new(sender.Id, list.Id, "postfix", Stage, ObligationStatus.Proven,
                $"every range of the sender is permitted in {ps.AccessTable.FileName} before the DNSBL test"));
            return;
        }

        var reason = sender.Ranges is null
            ? "the sender is trusted only by authentication, which is not known when postscreen acts"
            : "some of the sender's ranges are not permitted in the postscreen access list";
        Fail(sender, list, "postfix", Stage, reason,
            $"list the sender's published IP ranges; set act.postscreen: off for '{list.Id}'; " +
            $"or raise the postscreen threshold above {total}", obligations, diagnostics);
    }

    private static void ProveSmtpd(
        TrustedSender sender, Blocklist list, PlanIndex index, List<Obligation> obligations,
        DiagnosticBag diagnostics)
    {
        var acted = false;
        foreach (var positions in index.RestrictionLists)
        {
            var rl = positions.List;
            var stage = $"RCPT ({rl.Name})";
            var firstReject = positions.FirstBlocklistEntry(list.Id);
            if (firstReject < 0)
            {
                continue;
            }

            acted = true;
            var trust = positions.FirstTrustEntry(sender.Id);
            if (sender.Ranges is null)
            {
                Fail(sender, list, "postfix", stage,
                    "the sender is trusted only by authentication (SPF/DKIM/DMARC), " +
                    "which Postfix cannot check before it rejects",
                    $"list the sender's published IP ranges; or set act.smtpd: off for '{list.Id}' so it only scores",
                    obligations, diagnostics);
            }
            else if (trust < 0 || trust > firstReject)
            {
                diagnostics.Report(Messages.TrustAfterBlocklist, sender.Location, rl.Name, sender.Id, list.Id);
                obligations.Add(new(sender.Id, list.Id, "postfix", stage, ObligationStatus.Failed,
                    trust < 0
                        ? $"the list has no trust check for the sender before the blocklist at entry {firstReject + 1}"
                        : $"the trust check is at position {trust + 1}, the blocklist at {firstReject + 1}"));
            }
            else
            {
                var how = sender.Ranges.EnvelopeDomainRequired
                    ? "client range plus envelope sender domain (restriction class)"
                    : "client range";
                obligations.Add(new(sender.Id, list.Id, "postfix", stage, ObligationStatus.Proven,
                    $"trust by {how} is entry {trust + 1}, before the blocklist at entry {firstReject + 1}"));
            }
        }

        if (!acted)
        {
            obligations.Add(new(sender.Id, list.Id, "postfix", "RCPT", ObligationStatus.NotApplicable,
                "the blocklist does not reject in smtpd"));
        }
    }

    private static void ProveContent(
        Policy policy, TrustedSender sender, Blocklist list, ContentScoring scoring, PlanIndex index,
        List<Obligation> obligations, DiagnosticBag diagnostics)
    {
        const string Stage = "content";
        if (scoring.Blocklists.All(b => b.BlocklistId != list.Id))
        {
            obligations.Add(new(sender.Id, list.Id, scoring.Target, Stage, ObligationStatus.NotApplicable,
                "the blocklist does not score in this target"));
            return;
        }

        var worst = scoring.Blocklists.Sum(b => b.Score) + policy.Margin;
        var (action, threshold) = scoring.Thresholds.MinBy(t => t.Threshold);
        var trusts = index.TrustsOf(scoring, sender.Id).ToList();
        var failed = false;
        foreach (var trust in trusts)
        {
            var total = worst + trust.Score;
            if (total >= threshold)
            {
                failed = true;
                var needed = Math.Ceiling(worst - threshold + 1);
                diagnostics.Report(Messages.CreditTooSmall, sender.Location, sender.Id, Describe(trust.Mechanism),
                    F(total), scoring.Target, action, F(threshold), F(needed));
            }
        }

        if (trusts.Count == 0)
        {
            Fail(sender, list, scoring.Target, Stage, "the sender has no trust rule in this target",
                "give the sender authentication or ranges", obligations, diagnostics);
            return;
        }

        var detail = string.Join("; ", trusts.Select(t =>
            $"{t.RuleName} ({Describe(t.Mechanism)}) {F(t.Score)}: worst case {F(worst)} gives {F(worst + t.Score)}"));
        obligations.Add(new(sender.Id, list.Id, scoring.Target, Stage,
            failed ? ObligationStatus.Failed : ObligationStatus.Proven,
            $"{detail}; lowest action {action} at {F(threshold)}"));
    }

    private static void Fail(
        TrustedSender sender, Blocklist list, string target, string stage, string reason, string waysOut,
        List<Obligation> obligations, DiagnosticBag diagnostics)
    {
        obligations.Add(new(sender.Id, list.Id, target, stage, ObligationStatus.Failed, reason));
        diagnostics.Report(Messages.TrustTooLate, sender.Location, sender.Id, list.Id, target, stage, reason, waysOut);
    }

    private static IpNetwork Parse(string cidr) =>
        IpNetwork.TryParse(cidr, out var n, out _) ? n : throw new InvalidOperationException($"bad table key {cidr}");

    internal static string Describe(TrustMechanism mechanism) => mechanism switch
    {
        TrustMechanism.Ranges => "by client range",
        TrustMechanism.RangesWithEnvelopeDomain => "by client range and envelope domain",
        _ => "by authentication",
    };

    internal static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
