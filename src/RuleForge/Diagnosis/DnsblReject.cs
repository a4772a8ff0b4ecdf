namespace RuleForge.Diagnosis;

/// <summary>
/// A Postfix reject line that names a blocklist ("... blocked using zone; text; from=&lt;a&gt; to=&lt;b&gt;"),
/// as smtpd and postscreen write it.
/// </summary>
/// <param name="Reply">The SMTP reply code and enhanced status, e.g. "554 5.7.1".</param>
/// <param name="Subject">What was looked up: "client", "sender", "helo", "recipient" or "reverse client".</param>
/// <param name="Text">The blocklist's reply text (its TXT record), or "".</param>
public sealed record DnsblReject(
    string ClientIp,
    string Reply,
    string Subject,
    string Zone,
    string Text,
    string? From,
    string? To);
