using RuleForge.Diagnostics;

namespace RuleForge.Audit.Postfix;

/// <summary>Postscreen: DNSBL site filters, the dnsblog service, and permits smtpd does not share.</summary>
public static class PostscreenAudit
{
    /// <summary>Audits one postscreen service.</summary>
    public static void Audit(PostfixDeployment deployment, PostfixService postscreen, DiagnosticBag findings)
    {
        var settings = deployment.SettingsOf(postscreen);
        var sites = Sites(settings.Get("postscreen_dnsbl_sites"));
        foreach (var site in sites.Where(s => s.Weight > 0))
        {
            PostfixAudit.CheckFilter("postscreen_dnsbl_sites entry", site.Site, site.Filter, site.At, findings);
        }

        var dnsblog = settings.Get("dnsblog_service_name").Text;
        if (sites.Count > 0 && deployment.HasMasterCf && deployment.Services.All(s => s.Name != dnsblog))
        {
            findings.Report(Messages.AuditPostscreenWithoutDnsblog, postscreen.Location, postscreen.Name);
        }

        CheckPermits(deployment, settings, findings);
    }

    /// <summary>Parses postscreen_dnsbl_sites: zone[=filter][*weight], separated by commas or spaces.</summary>
    public static List<(string Site, string Zone, string? Filter, int Weight, SourceLocation At)> Sites(
        PositionedText value)
    {
        var sites = new List<(string, string, string?, int, SourceLocation)>();
        foreach (var token in RestrictionItem.Tokens(value))
        {
            var text = token.Text;
            var star = text.LastIndexOf('*');
            var weight = 1;
            if (star > 0 && int.TryParse(text[(star + 1)..], out var w))
            {
                weight = w;
                text = text[..star];
            }

            var parts = text.Split('=', 2);
            sites.Add((token.Text, parts[0], parts.Length == 2 ? parts[1] : null, weight, token.At(0)));
        }

        return sites;
    }

    private static void CheckPermits(PostfixDeployment deployment, PostfixSettings settings, DiagnosticBag findings)
    {
        var permits = new List<PostfixTableEntry>();
        foreach (var token in RestrictionItem.Tokens(settings.Get("postscreen_access_list")))
        {
            if (token.Text.Contains(':', StringComparison.Ordinal)
                && deployment.Tables.Read(token.Text, token.At(0)) is { } entries)
            {
                permits.AddRange(entries.Where(e =>
                    e.Network is not null && e.Value.StartsWith("permit", StringComparison.OrdinalIgnoreCase)));
            }
        }

        if (permits.Count == 0)
        {
            return;
        }

        var behind = settings.Get("smtpd_service_name").Text;
        var smtpd = deployment.SmtpdServices.Where(s => s.Name == behind && s.Type == "pass").ToList();
        if (smtpd.Count == 0)
        {
            smtpd = deployment.SmtpdServices.Where(s => s.Type == "pass").ToList();
        }

        foreach (var list in smtpd.SelectMany(deployment.ListsOf))
        {
            var reject = list.Items.FirstOrDefault(i => i.IsBlocklistReject);
            if (reject is null || PostfixAudit.TrustedBefore(deployment, list, reject) is not { } trusted)
            {
                continue;
            }

            foreach (var permit in permits.Where(p => !trusted.Covers(p.Network!.Value)))
            {
                findings.Report(Messages.AuditPostscreenPermitOnly, permit.Location, permit.Key, reject.Text,
                    list.Label(deployment.NameServices));
            }
        }
    }
}
