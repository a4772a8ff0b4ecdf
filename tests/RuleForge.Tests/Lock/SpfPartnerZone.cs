using RuleForge.Tests.Spf;

namespace RuleForge.Tests.Lock;

/// <summary>
/// The DNS data behind rules/spf-partner.yaml and its committed lockfile: the partner's own
/// relays, its MX host and its mailing provider, all in documentation ranges.
/// </summary>
public static class SpfPartnerZone
{
    public const string Domain = "invoices.example.com";

    /// <summary>A loopback server that answers the example's SPF tree.</summary>
    public static LoopbackDnsServer Serve() => new LoopbackDnsServer()
        .Txt(Domain, "v=spf1 ip4:192.0.2.16/28 include:_spf.mailer.example.net mx ~all")
        .Txt("_spf.mailer.example.net", "v=spf1 ip4:198.51.100.0/25 ip6:2001:db8:25::/48 -all")
        .Mx(Domain, 10, "mx1.invoices.example.com")
        .Address("mx1.invoices.example.com", "203.0.113.25");
}
