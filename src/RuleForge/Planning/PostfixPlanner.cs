using RuleForge.Model;
using RuleForge.Validation;

namespace RuleForge.Planning;

/// <summary>
/// Decides the Postfix layout: one client table per trusted sender, placed after the site's own
/// restrictions and before every blocklist reject; postscreen permits every trusted range.
/// </summary>
public static class PostfixPlanner
{
    /// <summary>Plans the Postfix output for a resolved policy.</summary>
    public static PostfixPlan Plan(Policy policy, PostfixTarget target)
    {
        var dir = target.ConfigDirectory;
        var tables = new List<LookupTable>();
        var classes = new List<RestrictionClass>();
        var entries = target.Before.Select(b => new Restriction(RestrictionKind.Site, b)).ToList();

        foreach (var sender in policy.Senders.Where(s => s.Ranges is not null))
        {
            var ranges = sender.Ranges!;
            var value = "OK";
            if (ranges.EnvelopeDomainRequired)
            {
                var senderTable = new LookupTable("texthash", $"{sender.Id}.senders",
                    $"envelope sender domains of trusted sender {sender.Id}",
                    sender.Domains.Select(d => new TableEntry(d, "OK", "trusted envelope domain")).ToList());
                tables.Add(senderTable);
                value = $"rf_trust_{Identifiers.ToSnake(sender.Id)}";
                classes.Add(new RestrictionClass(value, sender.Id,
                    $"check_sender_access {senderTable.Reference(dir)}", senderTable.FileName));
            }

            var clients = new LookupTable("cidr", $"{sender.Id}.clients.cidr",
                $"client ranges of trusted sender {sender.Id}",
                ranges.Networks.Select(n => new TableEntry(n.ToString(), value, Provenance(ranges, n))).ToList());
            tables.Add(clients);
            entries.Add(new Restriction(RestrictionKind.TrustClient,
                $"check_client_access {clients.Reference(dir)}", SenderId: sender.Id, TableFile: clients.FileName));
        }

        foreach (var list in policy.Blocklists.Where(b => b.Act.SmtpdReject))
        {
            var (verb, kind) = list.Checks == BlocklistLookup.ClientIp
                ? ("reject_rbl_client", RestrictionKind.RejectClientBlocklist)
                : ("reject_rhsbl_sender", RestrictionKind.RejectSenderBlocklist);
            foreach (var pattern in ListingCodePatterns.Postfix(list.ListingCodes))
            {
                entries.Add(new Restriction(kind, $"{verb} {list.Zone}={pattern}", BlocklistId: list.Id));
            }
        }

        var lists = new List<RestrictionList> { new(target.RestrictionList, entries) };
        return new PostfixPlan(dir, lists, classes, tables, PlanPostscreen(policy, target));
    }

    private static PostscreenPlan? PlanPostscreen(Policy policy, PostfixTarget target)
    {
        if (target.Postscreen is not { } settings)
        {
            return null;
        }

        var permits = policy.Senders
            .Where(s => s.Ranges is not null)
            .SelectMany(s => s.Ranges!.Networks.Select(n => new TableEntry(n.ToString(), "permit",
                $"trusted sender {s.Id}: {Provenance(s.Ranges!, n)}")))
            .ToList();
        var access = new LookupTable("cidr", "postscreen_access.cidr",
            "trusted ranges that skip postscreen's DNSBL test", permits);
        var sites = policy.Blocklists
            .Where(b => b.Act.PostscreenWeight is not null)
            .SelectMany(b => ListingCodePatterns.Postfix(b.ListingCodes)
                .Select(p => new PostscreenSite(b.Id, b.Zone, p, b.Act.PostscreenWeight!.Value)))
            .ToList();
        return new PostscreenPlan(access, sites, settings.Threshold, settings.Action, target.UsesAllowlistSpelling);
    }

    /// <summary>Where the inputs behind an aggregated network came from, for table comments.</summary>
    internal static string Provenance(RangeTrust ranges, RuleForge.Net.IpNetwork network) =>
        RangeProvenance.Of(ranges, network);
}
