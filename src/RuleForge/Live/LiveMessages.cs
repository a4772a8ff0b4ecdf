using System.Globalization;
using System.Text;

namespace RuleForge.Live;

/// <summary>
/// Writes the test message of a scenario. It carries a Received line from the client IP, so
/// that SpamAssassin (which reads relays from headers) sees the same client as the MTA, and a
/// Return-Path, from which SpamAssassin takes the envelope sender.
/// </summary>
internal static class LiveMessages
{
    // Limitation: every scenario uses this HELO and rspamc sends no client host name, so Rspamd
    // scores RDNS_NONE and SpamAssassin SPF_HELO_NONE on every message, trusted or not.
    /// <summary>The HELO name every scenario uses, in a test TLD that resolves to nothing.</summary>
    public const string Helo = "client.ruleforge-live.example";

    /// <summary>The one mailbox of the test domain that Postfix delivers to.</summary>
    public const string Recipient = "user@dest.example";

    /// <summary>The Message-ID of a scenario's message, by which delivery is recognised.</summary>
    public static string MessageId(LiveScenario s, string runId) =>
        $"rf-live.{s.Name}.{runId}@{LiveZones.Domain(s.HeaderFrom)}";

    /// <summary>The message, with LF line ends (signing and swaks make them CRLF).</summary>
    public static string Build(LiveScenario s, string runId, DateTimeOffset now)
    {
        var date = now.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
        var client = s.ClientIp.Contains(':', StringComparison.Ordinal) ? $"IPv6:{s.ClientIp}" : s.ClientIp;
        var text = new StringBuilder();
        text.Append($"Return-Path: <{s.EnvelopeFrom}>\n");
        text.Append($"Received: from {Helo} ({Helo} [{client}])\n");
        text.Append($"\tby mx.dest.example (Postfix) with ESMTP id {QueueId(s.Name)}\n");
        text.Append($"\tfor <{Recipient}>; {date} (UTC)\n");
        text.Append($"Date: {date}\n");
        text.Append($"From: <{s.HeaderFrom}>\n");
        text.Append($"To: <{Recipient}>\n");
        text.Append($"Subject: RuleForge live scenario {s.Name}\n");
        text.Append($"Message-ID: <{MessageId(s, runId)}>\n");
        text.Append("MIME-Version: 1.0\n");
        text.Append("Content-Type: text/plain; charset=us-ascii\n");
        text.Append("Content-Transfer-Encoding: 7bit\n");
        text.Append('\n');
        text.Append("Your fax of 2 pages has been received.\n");
        text.Append("This message was sent by the RuleForge live harness to observe the filters.\n");
        return text.ToString();
    }

    // Note: the Received line is shaped like Postfix's own (hex queue id, "(UTC)" after the date);
    // Rspamd scores INVALID_POSTFIX_RECEIVED (3.0) on a Postfix line without the comment.
    private static string QueueId(string name) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..10];
}
