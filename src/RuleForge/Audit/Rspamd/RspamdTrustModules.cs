using RuleForge.Diagnostics;

namespace RuleForge.Audit.Rspamd;

/// <summary>Trust that other Rspamd modules grant: the whitelist module, settings and force_actions.</summary>
public static class RspamdTrustModules
{
    private static readonly string[] SenderKeys = ["from", "from_mime", "header"];

    /// <summary>Audits whitelist.conf, settings.conf and force_actions.conf.</summary>
    public static void Audit(RspamdDeployment deployment, DiagnosticBag findings)
    {
        if (deployment["whitelist.conf"]?.Root["rules"] is UclObject rules)
        {
            foreach (var rule in rules.Objects)
            {
                var body = (UclObject)rule.Value;
                var checks = new[] { "valid_spf", "valid_dkim", "valid_dmarc" };
                if (body["domains"] is not null && body["blacklist"] is not UclScalar { IsTrue: true }
                    && !checks.Any(c => body[c] is UclScalar { IsTrue: true }))
                {
                    findings.Report(Messages.AuditForgeableTrust, rule.Location, $"Rspamd whitelist rule '{rule.Key}'",
                        "its domains", "the From domain without valid_spf, valid_dkim or valid_dmarc",
                        "Set valid_dmarc = true (or valid_spf / valid_dkim) so that only authenticated mail counts.");
                }
            }
        }

        if (deployment["settings.conf"] is { } settings)
        {
            CheckSettings(settings, findings);
        }

        if (deployment["force_actions.conf"]?.Root["rules"] is UclObject forced)
        {
            foreach (var rule in forced.Objects)
            {
                var body = (UclObject)rule.Value;
                if (string.Equals(body.Text("action"), "no action", StringComparison.OrdinalIgnoreCase))
                {
                    findings.Report(Messages.AuditPassThrough, rule.Location, $"Rspamd force_actions rule '{rule.Key}'",
                        "forces 'no action'",
                        "A forced 'no action' overrides every score, blocklists included; give the trust a " +
                        "negative score instead.");
                }
            }
        }
    }

    // Note: settings are chosen when the scan starts, before SPF, DKIM and DMARC are known.
    private static void CheckSettings(RspamdFile file, DiagnosticBag findings)
    {
        foreach (var rule in file.Root.Objects)
        {
            var body = (UclObject)rule.Value;
            var what = $"Rspamd settings rule '{rule.Key}'";
            if (body["want_spam"] is UclScalar { IsTrue: true } wantSpam)
            {
                findings.Report(Messages.AuditPassThrough, wantSpam.Location, what, "sets want_spam",
                    "want_spam turns every check off for the matched mail; give the sender a negative score instead.");
            }

            var bySender = SenderKeys.FirstOrDefault(k => body[k] is not null);
            if (bySender is not null && body["ip"] is null && body["apply"] is not null)
            {
                findings.Report(Messages.AuditForgeableTrust, rule.Location, what, $"the senders of '{bySender}'",
                    $"'{bySender}' alone (settings are chosen before SPF, DKIM and DMARC are checked)",
                    "Match the sender's client ranges with 'ip' as well, or trust it with a composite over " +
                    "authentication symbols instead.");
            }
        }
    }
}
