namespace RuleForge.Tests.Support;

/// <summary>Small policies for tests; tests change one line to make each case.</summary>
public static class PolicyText
{
    /// <summary>A valid policy with all three targets; every line is referred to by tests.</summary>
    public const string Valid = """
        policy: test-policy
        targets:
          postfix:
            version: "3.7"
            postscreen: { threshold: 3, action: enforce }
          rspamd:
            version: "3.4"
            actions: { add_header: 6, reject: 15 }
          spamassassin:
            version: "4.0"
            required_score: 5
        proof:
          margin: 2
        senders:
          - id: partner
            domains: [mail.example.com]
            authentication: { match: all, spf: pass, dkim: aligned }
            ranges:
              inline: [40.92.0.0/16, 2a01:111:f400::/48]
            credit: outrank
        blocklists:
          - id: zen
            zone: zen.spamhaus.org
            listing_codes: [127.0.0.2-127.0.0.11]
            act:
              postscreen: { weight: 3 }
              smtpd: reject
              rspamd: { score: 7 }
              spamassassin: { score: 4 }

        """;

    /// <summary>The valid policy with one exact piece of text replaced (which must occur once).</summary>
    public static string With(string find, string replace)
    {
        var at = Valid.IndexOf(find, StringComparison.Ordinal);
        if (at < 0 || Valid.IndexOf(find, at + 1, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException($"'{find}' must occur exactly once in the valid policy", nameof(find));
        }

        return Valid[..at] + replace + Valid[(at + find.Length)..];
    }

    /// <summary>1-based line number of the first line that contains <paramref name="text"/>.</summary>
    public static int LineOf(string policy, string text) =>
        1 + Array.FindIndex(policy.Split('\n'), l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>1-based column where <paramref name="text"/> starts on its line.</summary>
    public static int ColumnOf(string policy, string text) =>
        1 + policy.Split('\n').First(l => l.Contains(text, StringComparison.Ordinal))
            .IndexOf(text, StringComparison.Ordinal);
}
