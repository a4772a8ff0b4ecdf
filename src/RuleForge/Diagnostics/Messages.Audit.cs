namespace RuleForge.Diagnostics;

/// <summary>Findings of <c>ruleforge audit</c> and problems reading the audited configuration (RF17xx).</summary>
public static partial class Messages
{
    public static readonly MessageTemplate AuditUnfilteredBlocklist = new(
        "RF1701", E,
        "{0} '{1}' has no listing-code filter: any answer counts as listed, including error answers such as " +
        "127.255.255.254 (\"you query through a public resolver\"), which would block everyone",
        "{2}");
    public static readonly MessageTemplate AuditFilterMatchesError = new(
        "RF1702", E,
        "{0} '{1}' also counts the error answer {2} ({3}) as a listing",
        "{4}");
    public static readonly MessageTemplate AuditTrustAfterReject = new(
        "RF1703", E,
        "in {0}, the trust check '{1}' comes after the blocklist reject '{2}' (line {3}), so it never saves a " +
        "listed client",
        "Postfix stops at the first restriction that rejects: move '{1}' before '{2}'.");
    public static readonly MessageTemplate AuditRejectWithoutTrust = new(
        "RF1704", E,
        "'{0}' in {1} rejects before any trust check in that list; the trust check '{2}' in {3} does not " +
        "apply here",
        "smtpd evaluates each restriction list on its own, and an OK in one list does not skip another: put " +
        "'{2}' before the reject in {1} too, or move the reject into {3} after the trust check.");
    public static readonly MessageTemplate AuditPostscreenPermitOnly = new(
        "RF1705", W,
        "postscreen permits {0}, but '{1}' in {2} still rejects it when it is listed",
        "A postscreen permit only skips postscreen's own tests; to trust {0} in smtpd too, add a " +
        "check_client_access table that returns OK for it before '{1}' in {2}.");
    public static readonly MessageTemplate AuditPostscreenWithoutDnsblog = new(
        "RF1706", W,
        "the postscreen service '{0}' has postscreen_dnsbl_sites but master.cf runs no dnsblog service",
        "Without dnsblog postscreen skips its DNSBL test silently; add the stock line " +
        "'dnsblog unix - - y - 0 dnsblog' to master.cf.");
    public static readonly MessageTemplate AuditForgeableTrust = new(
        "RF1710", E,
        "{0} trusts {1} by {2}, which any sender can forge",
        "{3}");
    public static readonly MessageTemplate AuditPassThrough = new(
        "RF1711", W,
        "{0} {1}: the message skips every later check",
        "{2}");
    public static readonly MessageTemplate AuditOptionNotRead = new(
        "RF1712", W,
        "{0} is not read by Rspamd since version {1}",
        "{2}");
    public static readonly MessageTemplate AuditProofFails = new(
        "RF1720", E,
        "with this deployment, sender '{0}' is not protected from blocklist '{1}' in {2} at {3}: {4}",
        "The site's own configuration undercuts the policy's proof; {5}.");
    public static readonly MessageTemplate AuditUnparsable = new(
        "RF1790", W,
        "cannot parse {0}: {1}; the rest of the file was not audited",
        "Check the file with the daemon's own check (postfix check, rspamadm configtest, spamassassin --lint).");
    public static readonly MessageTemplate AuditTableUnreadable = new(
        "RF1791", W,
        "cannot read the lookup table '{0}': {1}",
        "Checks that need the table's entries were skipped; audit a copy of the configuration that holds " +
        "its tables.");
    public static readonly MessageTemplate AuditExpansionLoop = new(
        "RF1792", W,
        "parameter '{0}' refers back to itself through '${1}'",
        "Postfix refuses a recursive parameter; fix the reference. The audit expanded it to nothing.");
    public static readonly MessageTemplate AuditInputMissing = new(
        "RF1793", E,
        "{0} '{1}' {2}",
        "Pass the folder that holds the daemon's configuration (for example /etc/postfix, /etc/rspamd, " +
        "/etc/spamassassin), or a folder written by 'ruleforge build'.");
}
