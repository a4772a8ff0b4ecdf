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
    public static DnsblReject? ParseReject(ReadOnlySpan<char> text)
    {
        var from = text.IndexOf(" from ");
        var using_ = text.IndexOf(" blocked using ");
        if (from < 0 || using_ < 0)
        {
            return null;
        }

        var open = IndexOf(text, '[', from);
        var close = open < 0 ? -1 : IndexOf(text, ']', open);
        if (close < 0 || close > using_)
        {
            return null;
        }

        var ip = text[(open + 1)..close].ToString();
        var replyAt = text[close..].IndexOf(": ");
        replyAt = replyAt < 0 ? -1 : replyAt + close;
        if (replyAt < 0 || replyAt > using_)
        {
            return null;
        }

        var reply = ReplyCode(text[(replyAt + 2)..]);
        var zoneStart = using_ + " blocked using ".Length;
        var zoneEnd = text[zoneStart..].IndexOfAny(';', ',', ' ');
        zoneEnd = zoneEnd < 0 ? -1 : zoneEnd + zoneStart;
        var zone = (zoneEnd < 0 ? text[zoneStart..] : text[zoneStart..zoneEnd]).TrimEnd('.').ToString()
            .ToLowerInvariant();
        if (zone.Length == 0 || !zone.Contains('.', StringComparison.Ordinal))
        {
            return null;
        }

        var fields = text.LastIndexOf(" from=<");
        var replyText = zoneEnd < 0 || (fields >= 0 && fields <= zoneEnd)
            ? ""
            : text[(zoneEnd + 1)..(fields < 0 ? text.Length : fields)].Trim(" ;,").ToString();
        return new DnsblReject(ip, reply, Subject(text[replyAt..using_]), zone, replyText,
            Field(text, " from=<"), Field(text, " to=<"));
    }

    /// <summary>Parses "DNSBL rank 12 for [192.0.2.1]:12345" into its rank and address.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseRank(ReadOnlySpan<char> text, out int rank, out string ip)
    {
        ip = "";
        rank = 0;
        const string Prefix = "DNSBL rank ";
        var sp = text.Length < Prefix.Length ? -1 : IndexOf(text, ' ', Prefix.Length);
        if (!text.StartsWith(Prefix) || sp < 0 || !int.TryParse(text[Prefix.Length..sp], out rank))
        {
            return false;
        }

        var open = text[sp..].IndexOf('[');
        var close = open < 0 ? -1 : IndexOf(text, ']', sp + open);
        ip = close < 0 ? "" : text[(sp + open + 1)..close].ToString();
        return ip.Length > 0;
    }

    /// <summary>Parses dnsblog's "addr 192.0.2.1 listed by domain zen.spamhaus.org as 127.0.0.2".</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseDnsblog(ReadOnlySpan<char> text, out string ip, out string zone, out string answer)
    {
        ip = zone = answer = "";
        Span<Range> parts = stackalloc Range[9];
        if (text.Split(parts, ' ', StringSplitOptions.RemoveEmptyEntries) != 8
            || !text[parts[0]].SequenceEqual("addr") || !text[parts[2]].SequenceEqual("listed")
            || !text[parts[3]].SequenceEqual("by") || !text[parts[4]].SequenceEqual("domain")
            || !text[parts[6]].SequenceEqual("as"))
        {
            return false;
        }

        (ip, zone, answer) = (text[parts[1]].ToString(), text[parts[5]].TrimEnd('.').ToString().ToLowerInvariant(),
            text[parts[7]].ToString());
        return true;
    }

    /// <summary>The value of a "name=&lt;value&gt;" field, searched from the end of the line.</summary>
    public static string? Field(ReadOnlySpan<char> text, ReadOnlySpan<char> name)
    {
        var at = text.LastIndexOf(name);
        if (at < 0)
        {
            return null;
        }

        var start = at + name.Length;
        var end = text[start..].IndexOf('>');
        return end < 0 ? null : text.Slice(start, end).ToString();
    }

    /// <summary>Where a character is, searching from an index on; -1 when it is not there.</summary>
    internal static int IndexOf(ReadOnlySpan<char> text, char c, int from)
    {
        var at = text[from..].IndexOf(c);
        return at < 0 ? -1 : at + from;
    }

    private static string ReplyCode(ReadOnlySpan<char> rest)
    {
        // "554 5.7.1 Service unavailable; ..." -> "554 5.7.1"
        var first = rest.IndexOf(' ');
        if (first < 0)
        {
            return rest.ToString();
        }

        var second = IndexOf(rest, ' ', first + 1);
        var candidate = second < 0 ? rest : rest[..second];
        return (candidate.Length > 4 && char.IsAsciiDigit(candidate[4]) ? candidate : rest[..first]).ToString();
    }

    private static string Subject(ReadOnlySpan<char> between)
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
