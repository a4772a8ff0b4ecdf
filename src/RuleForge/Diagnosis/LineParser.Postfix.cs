using System.Runtime.CompilerServices;

namespace RuleForge.Diagnosis;

/// <summary>The Postfix half of the parser: smtpd, postscreen, dnsblog, cleanup and qmgr lines.</summary>
internal sealed partial class LineParser
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Postfix(in SyslogLine line, ReadOnlySpan<byte> daemon, ScanBlock block, int n)
    {
        var msg = line.Message;
        if (daemon.SequenceEqual("smtpd"u8))
        {
            Smtpd(line, msg, block, n);
        }
        else if (daemon.SequenceEqual("postscreen"u8))
        {
            Postscreen(line, msg, block, n);
        }
        else if (daemon.SequenceEqual("dnsblog"u8))
        {
            if (msg.StartsWith("addr "u8))
            {
                Dnsblog(line, msg, block, n);
            }
        }
        else if (daemon.SequenceEqual("cleanup"u8))
        {
            Correlate(msg, "message-id=<"u8, ScanKind.MessageQueue, block, n);
        }
        else if (daemon.SequenceEqual("qmgr"u8))
        {
            Correlate(msg, "from=<"u8, ScanKind.QueueFrom, block, n);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Smtpd(in SyslogLine line, ReadOnlySpan<byte> msg, ScanBlock block, int n)
    {
        // "connect from", "disconnect from", "lost connection", "warning: ": lower case, never interesting.
        if (msg.IsEmpty || msg[0] >= (byte)'a')
        {
            return;
        }

        var colon = msg.IndexOf(": "u8);
        if (colon < 0 || colon > 24)
        {
            return;
        }

        var rest = msg[(colon + 2)..];
        if (rest.StartsWith("reject: "u8))
        {
            if (rest.IndexOf(" blocked using "u8) >= 0)
            {
                Reject(line, LogStage.Smtpd, rest[8..], block, n);
            }
            else if (rest.IndexOf(" proto="u8) < 0)
            {
                // Note: every complete reject line ends with proto= and helo=; without them the line was
                // cut short, and whether a blocklist caused it cannot be told.
                block.Skipped++;
            }
        }
        else if (rest.StartsWith("client="u8) && TryBracket(rest[7..], out var ip))
        {
            var item = new ScanItem { Kind = ScanKind.QueueClient, Line = n };
            Key(ref item, msg[..colon]);
            Value(ref item, ip);
            block.Items.Add(item);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Postscreen(in SyslogLine line, ReadOnlySpan<byte> msg, ScanBlock block, int n)
    {
        if (msg.StartsWith("NOQUEUE: reject: "u8))
        {
            if (msg.IndexOf(" blocked using "u8) >= 0)
            {
                Reject(line, LogStage.Postscreen, msg[17..], block, n);
            }
        }
        else if (msg.StartsWith("DNSBL rank "u8))
        {
            block.Events++;
            if (!PostfixLines.TryParseRank(Chars(msg), out var rank, out var ip))
            {
                block.Skipped++;
            }
            else if (rank >= _postscreenThreshold)
            {
                var item = new ScanItem { Kind = ScanKind.Rank, Line = n, Rank = rank, Key = LogKey.From(ip) };
                Time(ref item, block, line.Time);
                block.Items.Add(item);
            }
        }
        else if (msg.StartsWith("PASS "u8) || msg.StartsWith("WHITELISTED "u8) || msg.StartsWith("ALLOWLISTED "u8)
            || msg.StartsWith("BLACKLISTED "u8) || msg.StartsWith("DENYLISTED "u8))
        {
            block.Events++;
            Address(ScanKind.Pass, msg, block, n);
        }
        else if (msg.StartsWith("DISCONNECT "u8))
        {
            block.Events++;
            Address(ScanKind.Disconnect, msg, block, n);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Reject(in SyslogLine line, LogStage stage, ReadOnlySpan<byte> text, ScanBlock block, int n)
    {
        block.Events++;
        if (PostfixLines.ParseReject(Chars(text)) is not { } r)
        {
            block.Skipped++;
            return;
        }

        var item = new ScanItem
        {
            Kind = ScanKind.Reject,
            Stage = stage,
            Line = n,
            Detail = r,
            Key = LogKey.From(r.ClientIp),
        };
        Time(ref item, block, line.Time);
        block.Items.Add(item);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Dnsblog(in SyslogLine line, ReadOnlySpan<byte> msg, ScanBlock block, int n)
    {
        block.Events++;
        if (!PostfixLines.TryParseDnsblog(Chars(msg), out var ip, out var zone, out var answer))
        {
            block.Skipped++;
            return;
        }

        var item = new ScanItem
        {
            Kind = ScanKind.Dnsblog,
            Line = n,
            Detail = new DnsblogAnswer(ip, zone, answer),
            Key = LogKey.From(ip),
        };
        Time(ref item, block, line.Time);
        block.Items.Add(item);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Correlate(
        ReadOnlySpan<byte> msg, ReadOnlySpan<byte> field, ScanKind kind, ScanBlock block, int n)
    {
        var colon = msg.IndexOf(": "u8);
        if (colon <= 0 || colon > 24 || !msg[(colon + 2)..].StartsWith(field))
        {
            return;
        }

        var rest = msg[(colon + 2 + field.Length)..];
        var end = rest.IndexOf((byte)'>');
        if (end < 0)
        {
            return;
        }

        var item = new ScanItem { Kind = kind, Line = n };
        if (kind == ScanKind.MessageQueue)
        {
            Key(ref item, rest[..end]);
            Value(ref item, msg[..colon]);
        }
        else
        {
            Key(ref item, msg[..colon]);
            Value(ref item, rest[..end]);
        }

        block.Items.Add(item);
    }
}
