using RuleForge.Planning;

namespace RuleForge.Explanation;

/// <summary>Walks the Postfix plan the way postscreen and smtpd evaluate the rendered configuration.</summary>
public static class PostfixExplainer
{
    /// <summary>Postscreen's decision: permit by the access list, or DNSBL score against the threshold.</summary>
    public static StageDecision? Postscreen(PostfixPlan plan, MessageFacts facts)
    {
        if (plan.Postscreen is not { } ps)
        {
            return null;
        }

        const string Stage = "connect (postscreen)";
        var permit = FirstMatch(ps.AccessTable, facts);
        if (permit is { Value: "permit" })
        {
            return new("postfix", Stage, "pass",
                $"{facts.ClientIp} matches {permit.Key} in postscreen_access_list " +
                $"({ps.AccessTable.FileName}): permit, no DNSBL test");
        }

        var hits = ps.Sites
            .Where(s => facts.AnswerOf(s.Zone) is { } a && PostfixPattern.Matches(s.CodeFilter, a))
            .ToList();
        var score = hits.Sum(s => s.Weight);
        var detail = hits.Count == 0
            ? "no DNSBL site lists the client"
            : string.Join(", ", hits.Select(h =>
                $"{h.Zone} answers {Answer(facts, h.Zone)} matching {h.CodeFilter} (weight {h.Weight})"));
        return score >= ps.Threshold
            ? new("postfix", Stage, "reject",
                $"DNSBL rank {score} >= threshold {ps.Threshold}: {detail}; action {ps.Action}")
            : new("postfix", Stage, "pass", $"DNSBL rank {score} < threshold {ps.Threshold}: {detail}");
    }

    /// <summary>smtpd's decision at RCPT: the first restriction that decides, in each list.</summary>
    public static StageDecision? Smtpd(PostfixPlan plan, MessageFacts facts)
    {
        StageDecision? last = null;
        foreach (var list in plan.RestrictionLists)
        {
            var stage = $"RCPT ({list.Name})";
            var decision = Walk(plan, list, facts, stage);
            if (decision.Decision == "reject")
            {
                return decision;
            }

            last = decision;
        }

        return last;
    }

    private static StageDecision Walk(PostfixPlan plan, RestrictionList list, MessageFacts facts, string stage)
    {
        for (var i = 0; i < list.Entries.Count; i++)
        {
            var entry = list.Entries[i];
            var at = $"entry {i + 1} '{entry.Text}'";
            switch (entry.Kind)
            {
                case RestrictionKind.TrustClient:
                    var table = plan.Tables.First(t => t.FileName == entry.TableFile);
                    var match = FirstMatch(table, facts);
                    if (match is null)
                    {
                        continue;
                    }

                    if (match.Value == "OK")
                    {
                        return new("postfix", stage, "accept",
                            $"{at}: {facts.ClientIp} matches {match.Key}, result OK");
                    }

                    var cls = plan.Classes.First(c => c.Name == match.Value);
                    var senders = plan.Tables.First(t => t.FileName == cls.SenderTableFile);
                    if (SenderMatch(senders, facts.EnvelopeDomain) is { } key)
                    {
                        return new("postfix", stage, "accept",
                            $"{at}: {facts.ClientIp} matches {match.Key}, class {cls.Name}: " +
                            $"envelope domain matches {key}, result OK");
                    }

                    continue;
                case RestrictionKind.RejectClientBlocklist:
                case RestrictionKind.RejectSenderBlocklist:
                    var site = entry.Text[(entry.Text.IndexOf(' ', StringComparison.Ordinal) + 1)..];
                    var (zone, filter) = PostfixPattern.Split(site);
                    var listed = facts.AnswerOf(zone) is { } answer
                        && (filter is null || PostfixPattern.Matches(filter, answer));
                    if (listed)
                    {
                        return new("postfix", stage, "reject",
                            $"{at}: {zone} answers {Answer(facts, zone)}, 554 reject");
                    }

                    continue;
                default:
                    // Note: the scenario client is never in mynetworks nor authenticated, and the
                    // recipient is local, so site restrictions neither permit nor reject it.
                    continue;
            }
        }

        return new("postfix", stage, "accept", "no restriction rejected the recipient");
    }

    private static TableEntry? FirstMatch(LookupTable table, MessageFacts facts) =>
        table.Entries.FirstOrDefault(e =>
            PostfixPattern.Network(e.Key).Contains(facts.ClientFamily, facts.ClientAddress));

    // Note: Postfix's default parent_domain_matches_subdomains includes smtpd_access_maps, so a
    // domain key also matches its subdomains.
    private static string? SenderMatch(LookupTable table, string domain) =>
        table.Entries.Select(e => e.Key)
            .FirstOrDefault(k => domain == k || domain.EndsWith("." + k, StringComparison.Ordinal));

    private static string Answer(MessageFacts facts, string zone) =>
        facts.AnswerOf(zone) is { } a ? Model.ListingCodeRange.Format(a) : "nothing";
}
