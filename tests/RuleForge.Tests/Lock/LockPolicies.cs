using System.Net;
using System.Net.Sockets;
using RuleForge.Tests.Support;

namespace RuleForge.Tests.Lock;

/// <summary>Small policies that trust a sender by its SPF domain, and helpers to lock and build them.</summary>
public static class LockPolicies
{
    /// <summary>A Postfix-and-Rspamd policy whose sender trusts the SPF ranges of <paramref name="domain"/>.</summary>
    public static string Trusting(string domain) => $$"""
        policy: lock-test
        targets:
          postfix:
            version: "3.7"
            restriction_list: smtpd_recipient_restrictions
            before: [permit_mynetworks, reject_unauth_destination]
          rspamd:
            version: "3.4"
            actions: { add_header: 6, reject: 15 }
        senders:
          - id: partner
            domains: [{{domain}}]
            ranges:
              spf: [{{domain}}]
              acknowledge: [documentation]
        blocklists:
          - id: zen
            zone: zen.spamhaus.org
            checks: client-ip
            listing_codes: [127.0.0.2-127.0.0.11]
            act:
              postscreen: off
              smtpd: reject
              rspamd: { score: 7 }
              spamassassin: off
        """;

    /// <summary>Writes the policy as p.yaml in the folder; returns its path.</summary>
    public static string Write(TempFolder temp, string text) => temp.Write("p.yaml", text);

    /// <summary>The lockfile beside a policy.</summary>
    public static string LockfileOf(string policy) => policy + ".lock.json";

    /// <summary>Runs 'ruleforge lock' against the loopback server only.</summary>
    public static CliResult Lock(string policy, string dnsFlag, params string[] more) =>
        CliRunner.Run(["lock", policy, "--dns-server", dnsFlag, "--settings", PatientDnsSettings(policy), .. more]);

    /// <summary>
    /// Settings for runs that must reach the test's DNS server: a timeout generous enough for a
    /// loaded CI machine (the server comes from --dns-server).
    /// </summary>
    public static string PatientDnsSettings(string policy)
    {
        var path = Path.Combine(Path.GetDirectoryName(policy)!, "patient-settings.json");
        if (!File.Exists(path))
        {
            File.WriteAllText(path, """{ "Dns": { "Timeout": 5, "Retries": 1 } }""");
        }

        return path;
    }

    /// <summary>
    /// A settings file beside the policy whose only DNS server is a loopback port nothing listens
    /// on, with a short timeout: any command that asked DNS with it would fail.
    /// </summary>
    public static string NoDnsSettings(string policy)
    {
        var path = Path.Combine(Path.GetDirectoryName(policy)!, "settings.json");
        if (!File.Exists(path))
        {
            File.WriteAllText(path,
                $$"""{ "Dns": { "Servers": ["127.0.0.1:{{UnusedPort()}}"], "Timeout": 0.5, "Retries": 0 } }""");
        }

        return path;
    }

    /// <summary>A loopback UDP port that was free a moment ago.</summary>
    public static int UnusedPort()
    {
        using var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
    }
}
