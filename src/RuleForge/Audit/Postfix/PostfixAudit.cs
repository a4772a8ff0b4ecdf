using RuleForge.Diagnostics;
using RuleForge.Net;

namespace RuleForge.Audit.Postfix;

/// <summary>
/// The Postfix checks: blocklist filters, the order of trust and rejects in each restriction
/// list, lists that reject without the trust another list has, forgeable sender trust, and
/// postscreen permits that smtpd does not share.
/// </summary>
public static class PostfixAudit
{
    /// <summary>Audits every smtpd and postscreen service of the deployment.</summary>
    public static void Audit(PostfixDeployment deployment, DiagnosticBag findings)
    {
        foreach (var service in deployment.SmtpdServices)
        {
            var lists = deployment.ListsOf(service);
            foreach (var list in lists)
            {
                CheckFilters(list, findings);
                CheckOrder(deployment, list, findings);
            }

            CheckIndependence(deployment, lists, findings);
        }

        foreach (var postscreen in deployment.PostscreenServices)
        {
            PostscreenAudit.Audit(deployment, postscreen, findings);
        }
    }

    /// <summary>Reports a Postfix DNSBL filter that is missing or lets an error answer through.</summary>
    public static void CheckFilter(string what, string site, string? filter, SourceLocation at, DiagnosticBag findings)
    {
        if (filter is null)
        {
            findings.Report(Messages.AuditUnfilteredBlocklist, at, what, site,
                "Add the list's real listing codes as a filter, for example zen.spamhaus.org=127.0.0.[2..11].");
            return;
        }

        if (ErrorAnswers.FirstMatch(a => DnsblFilter.Matches(filter, a)) is { } error)
        {
            findings.Report(Messages.AuditFilterMatchesError, at, what, site, error.Answer, error.Meaning,
                "Narrow the filter to the list's listing codes; 127.255.255.x answers are never listings.");
        }
    }

    private static void CheckFilters(SmtpdList list, DiagnosticBag findings)
    {
        foreach (var item in list.Items.Where(i => i.IsBlocklistReject))
        {
            CheckFilter(item.Name, item.Argument ?? "", item.Filter, item.Location, findings);
        }
    }

    private static void CheckOrder(PostfixDeployment deployment, SmtpdList list, DiagnosticBag findings)
    {
        var label = list.Label(deployment.NameServices);
        var firstReject = list.Items.FirstOrDefault(i => i.IsBlocklistReject);
        if (firstReject is null)
        {
            return;
        }

        var rejectIndex = IndexOf(list.Items, firstReject);
        for (var i = 0; i < list.Items.Count; i++)
        {
            var item = list.Items[i];
            if (i > rejectIndex && (item.IsClientTrust || item.IsSenderTrust) && GrantsTrust(deployment, item))
            {
                findings.Report(Messages.AuditTrustAfterReject, item.Location, label, item.Text, firstReject.Text,
                    firstReject.Location.Line);
            }

            if (i < rejectIndex && item.IsSenderTrust && GrantsTrust(deployment, item))
            {
                findings.Report(Messages.AuditForgeableTrust, item.Location, label,
                    $"the envelope senders in '{item.Argument}'", "MAIL FROM alone, before '" + firstReject.Text + "'",
                    "A client chooses its MAIL FROM freely: trust the sender's client ranges with " +
                    "check_client_access instead, or require both with a restriction class.");
            }
        }
    }

    // A reject in one list is not stopped by an OK in another: each list runs on its own.
    private static void CheckIndependence(
        PostfixDeployment deployment, IReadOnlyList<SmtpdList> lists, DiagnosticBag findings)
    {
        foreach (var list in lists)
        {
            var reject = list.Items.FirstOrDefault(i => i.IsBlocklistReject);
            if (reject is null || list.Items.TakeWhile(i => i != reject).Any(i => i.IsClientTrust))
            {
                continue;
            }

            var elsewhere = lists.Where(l => l != list)
                .SelectMany(l => l.Items.Where(i => i.IsClientTrust).Select(i => (List: l, Item: i)))
                .FirstOrDefault(t => GrantsTrust(deployment, t.Item));
            if (elsewhere.Item is { } trust)
            {
                var named = deployment.NameServices;
                findings.Report(Messages.AuditRejectWithoutTrust, reject.Location, reject.Text, list.Label(named),
                    trust.Text, elsewhere.List.Label(named));
            }
        }
    }

    /// <summary>
    /// The networks that trust restrictions before <paramref name="before"/> accept, or null
    /// when a table could not be read (so coverage is unknown).
    /// </summary>
    public static AddressSet? TrustedBefore(PostfixDeployment deployment, SmtpdList list, RestrictionItem before)
    {
        var networks = new List<IpNetwork>();
        foreach (var item in list.Items.TakeWhile(i => i != before).Where(i => i.Name == "check_client_access"))
        {
            if (deployment.Tables.Read(item.Argument ?? "", item.Location) is not { } entries)
            {
                return null;
            }

            networks.AddRange(entries.Where(e => e.Network is not null && AccessResults.IsTrust(e.Value))
                .Select(e => e.Network!.Value));
        }

        return AddressSet.From(networks);
    }

    private static bool GrantsTrust(PostfixDeployment deployment, RestrictionItem item)
    {
        if (item.Name == "permit_dnswl_client" || item.Argument is null)
        {
            return true;
        }

        // Note: an unreadable or non-file table (ldap:, mysql: ...) may grant trust; assume it does.
        var entries = deployment.Tables.Read(item.Argument, item.Location);
        return entries is null || entries.Any(e => AccessResults.IsTrust(e.Value));
    }

    private static int IndexOf(IReadOnlyList<RestrictionItem> items, RestrictionItem item)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (ReferenceEquals(items[i], item))
            {
                return i;
            }
        }

        return -1;
    }
}
