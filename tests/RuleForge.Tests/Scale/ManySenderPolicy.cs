using System.Text;

namespace RuleForge.Tests.Scale;

/// <summary>
/// Policies with many senders, written at test time. Senders take turns at three kinds of
/// trust: ranges only, ranges that count only with the envelope domain plus authentication,
/// and ranges plus authentication. Sender i sends from 20.(i/256).(i%256).0/24.
/// </summary>
public static class ManySenderPolicy
{
    /// <summary>The site restrictions kept before RuleForge's entries in smtpd_recipient_restrictions.</summary>
    public const int SiteEntries = 2;

    /// <summary>The policy text with <paramref name="count"/> senders.</summary>
    public static string Text(int count)
    {
        var text = new StringBuilder("""
            policy: many-senders
            targets:
              postfix:
                version: "3.7"
                restriction_list: smtpd_recipient_restrictions
                before: [permit_mynetworks, reject_unauth_destination]
                postscreen: { threshold: 3, action: enforce }
              rspamd:
                version: "3.4"
                actions: { add_header: 6, reject: 15 }
              spamassassin:
                version: "4.0"
                required_score: 5
            proof:
              margin: 2
            blocklists:
              - id: zen
                zone: zen.spamhaus.org
                listing_codes: [127.0.0.2-127.0.0.11]
                act: { postscreen: { weight: 3 }, smtpd: reject, rspamd: { score: 7 }, spamassassin: { score: 4 } }
              - id: spamcop
                zone: bl.spamcop.net
                listing_codes: [127.0.0.2]
                act: { postscreen: { weight: 1 }, smtpd: off, rspamd: { score: 3 }, spamassassin: { score: 2 } }
            senders:

            """);
        for (var i = 0; i < count; i++)
        {
            text.Append($"  - id: s{i}\n    domains: [d{i}.example.com]\n    ranges:\n      inline: [{Range(i)}]\n");
            if (Kind(i) == 1)
            {
                text.Append("      envelope_domain_required: true\n");
            }

            if (Kind(i) > 0)
            {
                text.Append("    authentication: { match: all, spf: pass, dkim: aligned }\n");
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// 0: ranges only; 1: ranges with envelope domain, and authentication; 2: ranges and authentication.
    /// </summary>
    public static int Kind(int sender) => sender % 3;

    /// <summary>The one range of sender <paramref name="sender"/>.</summary>
    public static string Range(int sender) => $"20.{sender >> 8}.{sender & 255}.0/24";
}
