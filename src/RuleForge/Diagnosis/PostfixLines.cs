using System.Runtime.CompilerServices;
namespace RuleForge.Diagnosis;

/// <summary>Parses the Postfix smtpd, postscreen and dnsblog lines diagnose reads.</summary>
public static class PostfixLines
{
    /// <summary>
    /// Parses the text after "reject: " of an smtpd or postscreen reject line, e.g.
    /// "RCPT from mail.example.com[192.0.2.1]: 554 5.7.1 Service unavailable; Client host [192.0.2.1]
    /// blocked using zen.spamhaus.org; from=&lt;a@example.com&gt; to=&lt;b@example.net&gt; proto=ESMTP helo=&lt;x&gt;".
    /// Null when it names no blocklist or is cut short.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DnsblReject? ParseReject(string text)
    {
        var from = text.IndexOf(" from ", StringComparison.Ordinal);
        var using_ = text.IndexOf(" blocked using ", StringComparison.Ordinal);
        if (from < 0 || using_ < 0)
        {
            return null;
        }

        var open = text.IndexOf('[', from);
        var close = open < 0 ? -1 : text.IndexOf(']', open);
        if (close < 0 || close > using_)
        {
            return null;
        }

        var ip = text[(open + 1)..close];
        var replyAt = text.IndexOf(": ", close, StringComparison.Ordinal);
        if (replyAt < 0 || replyAt > using_)
        {
            return null;
        }

        var reply = ReplyCode(text[(replyAt + 2)..]);
        var zoneStart = using_ + " blocked using ".Length;
        var zoneEnd = text.IndexOfAny([';', ',', ' '], zoneStart);
        var zone = (zoneEnd < 0 ? text[zoneStart..] : text[zoneStart..zoneEnd]).TrimEnd('.').ToLowerInvariant();
        if (zone.Length == 0 || !zone.Contains('.', StringComparison.Ordinal))
        {
            return null;
        }

        var fields = text.LastIndexOf(" from=<", StringComparison.Ordinal);
        var replyText = zoneEnd < 0 || (fields >= 0 && fields <= zoneEnd)
            ? ""
            : text[(zoneEnd + 1)..(fields < 0 ? text.Length : fields)].Trim(' ', ';', ',');
        return new DnsblReject(ip, reply, Subject(text[replyAt..using_]), zone, replyText,
            Field(text, " from=<"), Field(text, " to=<"));
    }

    /// <summary>The address in "[192.0.2.1]:25" or "[2001:db8::1]:25", as postscreen writes clients.</summary>
    public static string? BracketAddress(string text)
    {
        var open = text.IndexOf('[', StringComparison.Ordinal);
        var close = open < 0 ? -1 : text.IndexOf(']', open);
        return close < 0 ? null : text[(open + 1)..close];
    }

    /// <summary>Parses "DNSBL rank 12 for [192.0.2.1]:12345" into its rank and address.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseRank(string text, out int rank, out string ip)
    {
        ip = "";
        rank = 0;
        const string Prefix = "DNSBL rank ";
        var sp = text.IndexOf(' ', Prefix.Length);
        if (!text.StartsWith(Prefix, StringComparison.Ordinal) || sp < 0
            || !int.TryParse(text.AsSpan(Prefix.Length, sp - Prefix.Length), out rank))
        {
            return false;
        }

        ip = BracketAddress(text[sp..]) ?? "";
        return ip.Length > 0;
    }

    /// <summary>Parses dnsblog's "addr 192.0.2.1 listed by domain zen.spamhaus.org as 127.0.0.2".</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseDnsblog(string text, out string ip, out string zone, out string answer)
    {
        ip = zone = answer = "";
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 8 || parts[0] != "addr" || parts[2] != "listed" || parts[3] != "by"
            || parts[4] != "domain" || parts[6] != "as")
        {
            return false;
        }

        (ip, zone, answer) = (parts[1], parts[5].TrimEnd('.').ToLowerInvariant(), parts[7]);
        return true;
    }

    /// <summary>The value of a "name=&lt;value&gt;" field, searched from the end of the line.</summary>
    public static string? Field(string text, string name)
    {
        var at = text.LastIndexOf(name, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var start = at + name.Length;
        var end = text.IndexOf('>', start);
        return end < 0 ? null : text[start..end];
    }

    private static string ReplyCode(string rest)
    {
        // "554 5.7.1 Service unavailable; ..." -> "554 5.7.1"
        var first = rest.IndexOf(' ', StringComparison.Ordinal);
        if (first < 0)
        {
            return rest;
        }

        var second = rest.IndexOf(' ', first + 1);
        var candidate = second < 0 ? rest : rest[..second];
        return candidate.Length > 4 && char.IsAsciiDigit(candidate[4]) ? candidate : rest[..first];
    }

    private static string Subject(string between)
    {
        if (between.Contains("Unverified Client host", StringComparison.Ordinal))
        {
            return "reverse client";
        }

        if (between.Contains("Sender address", StringComparison.Ordinal))
        {
            return "sender";
        }

        if (between.Contains("Helo command", StringComparison.Ordinal))
        {
            return "helo";
        }

        return between.Contains("Recipient address", StringComparison.Ordinal) ? "recipient" : "client";
    }
}
