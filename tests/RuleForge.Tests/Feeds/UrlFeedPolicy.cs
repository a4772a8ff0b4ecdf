using RuleForge.Tests.Lock;
using RuleForge.Tests.Support;

namespace RuleForge.Tests.Feeds;

/// <summary>A policy whose sender selects from a feed of its own invented shape, by URL or file, and helpers.</summary>
public static class UrlFeedPolicy
{
    /// <summary>The feed: sites with their kind and networks; mail at fra and ams, web at fra.</summary>
    public const string Feed = """
        { "generated": "2026-01-01",
          "blocks": [
            { "kind": "mail", "site": "fra", "nets": ["192.0.2.0/26", "2001:db8:1::/48"] },
            { "kind": "mail", "site": "ams", "nets": ["198.51.100.0/26"] },
            { "kind": "web", "site": "fra", "nets": ["203.0.113.0/24"] } ] }
        """;

    /// <summary>The feed with one more mail network at ams.</summary>
    public const string FeedGrown = """
        { "blocks": [
            { "kind": "mail", "site": "fra", "nets": ["192.0.2.0/26", "2001:db8:1::/48"] },
            { "kind": "mail", "site": "ams", "nets": ["198.51.100.0/26", "198.51.100.64/26"] },
            { "kind": "web", "site": "fra", "nets": ["203.0.113.0/24"] } ] }
        """;

    /// <summary>The feed with a smaller ams network: 48 of the sender's 128 IPv4 addresses go.</summary>
    public const string FeedShrunk = """
        { "blocks": [
            { "kind": "mail", "site": "fra", "nets": ["192.0.2.0/26", "2001:db8:1::/48"] },
            { "kind": "mail", "site": "ams", "nets": ["198.51.100.0/28"] },
            { "kind": "web", "site": "fra", "nets": ["203.0.113.0/24"] } ] }
        """;

    /// <summary>The policy; <paramref name="source"/> is "url: ..." or "file: ...".</summary>
    public static string Text(string source, string sites = "[fra, ams]") => $$"""
        policy: url-feed-test
        targets:
          postfix:
            version: "3.7"
            restriction_list: smtpd_recipient_restrictions
            before: [permit_mynetworks, reject_unauth_destination]
          rspamd:
            version: "3.4"
            actions: { add_header: 6, reject: 15 }
        feeds:
          - id: partner-feed
            {{source}}
            items: blocks
            cidr_field: nets
        senders:
          - id: partner
            domains: [partner.example.com]
            ranges:
              select:
                - feed: partner-feed
                  where: { kind: mail, site: {{sites}} }
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

    /// <summary>Writes the policy reading the server's feed; returns its path.</summary>
    public static string Write(TempFolder temp, LoopbackHttpServer server, string sites = "[fra, ams]") =>
        LockPolicies.Write(temp, Text($"url: {server.Url}", sites));

    /// <summary>
    /// Runs 'ruleforge lock' with a settings file that names only a loopback DNS port nothing
    /// listens on (the policy trusts no SPF domain, so DNS is never asked) and the given feed limits.
    /// </summary>
    public static CliResult Lock(string policy, string feedSettings = "", params string[] more)
    {
        var settings = Path.Combine(Path.GetDirectoryName(policy)!, "feed-settings.json");
        var feeds = feedSettings.Length == 0 ? "" : $", \"Feeds\": {{ {feedSettings} }}";
        File.WriteAllText(settings,
            $$"""{ "Dns": { "Servers": ["127.0.0.1:{{LockPolicies.UnusedPort()}}"] }{{feeds}} }""");
        return CliRunner.Run(["lock", policy, "--settings", settings, .. more]);
    }
}
