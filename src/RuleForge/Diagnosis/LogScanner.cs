using System.Text;
using RuleForge.Diagnostics;

namespace RuleForge.Diagnosis;

/// <summary>
/// Reads log lines one by one and hands blocklist rejections, spam verdicts and error answers to
/// a <see cref="DiagnosisCollector"/>. Uninteresting lines are dropped by a few byte comparisons
/// on the syslog prefix before anything is decoded; correlation state (queue ids, message ids,
/// spamd pids, dnsblog answers, postscreen ranks) lives in bounded LRU caches.
/// </summary>
public sealed partial class LogScanner : ILogLineSink
{
    private const int CacheSize = 20_000;

    private readonly DiagnosisCollector _collector;
    private readonly BlocklistNames _names;
    private readonly int? _postscreenThreshold;
    private readonly BoundedCache<string, string> _queueClient = new(CacheSize, StringComparer.Ordinal);
    private readonly BoundedCache<string, string> _queueFrom = new(CacheSize, StringComparer.Ordinal);
    private readonly BoundedCache<string, string> _midQueue = new(CacheSize, StringComparer.Ordinal);
    private readonly BoundedCache<string, string> _spamdMid = new(CacheSize, StringComparer.Ordinal);
    private readonly BoundedCache<string, (double Score, double Required)> _spamdScore = new(CacheSize);
    private readonly BoundedCache<string, List<(string Zone, string Answer)>> _dnsblog =
        new(CacheSize, StringComparer.Ordinal);
    private readonly BoundedCache<string, PendingRank> _ranks = new(CacheSize, StringComparer.Ordinal);
    private string _file = "-";
    private int _line;

    /// <summary>A scanner that reports to the collector and knows the policy's postscreen threshold.</summary>
    public LogScanner(DiagnosisCollector collector, BlocklistNames names, int? postscreenThreshold)
    {
        _collector = collector;
        _names = names;
        _postscreenThreshold = postscreenThreshold;
    }

    /// <summary>Lines read, over every input.</summary>
    public long Lines { get; private set; }

    /// <summary>Lines of a kind diagnose reads (see the README), over every input.</summary>
    public long Events { get; private set; }

    /// <summary>Lines that could not be read: no known prefix, cut short, or too long.</summary>
    public long Skipped { get; private set; }

    /// <summary>Starts a new input: locations name this file, counted from line 1.</summary>
    public void BeginFile(string displayName)
    {
        _file = displayName;
        _line = 0;
    }

    /// <inheritdoc />
    public void OnOverlong()
    {
        Lines++;
        _line++;
        Skipped++;
    }

    /// <inheritdoc />
    public void OnLine(ReadOnlySpan<byte> line)
    {
        Lines++;
        _line++;
        if (line.IsEmpty)
        {
            return;
        }

        if (!SyslogLine.TryParse(line, out var parsed))
        {
            Skipped++;
            return;
        }

        var program = parsed.Program;
        if (program.StartsWith("postfix"u8))
        {
            Postfix(parsed, program[(program.LastIndexOf((byte)'/') + 1)..]);
        }
        else if (program.SequenceEqual("rspamd"u8))
        {
            var at = parsed.Message.IndexOf("rspamd_task_write_log: "u8);
            if (at >= 0)
            {
                var rest = parsed.Message[(at + 23)..];
                if (IsQuietVerdict(rest, "(no action): ["u8))
                {
                    Events++;
                    return;
                }

                Rspamd(parsed, Text(rest));
            }
        }
        else if (program.SequenceEqual("spamd"u8) && parsed.Message.StartsWith("spamd: "u8))
        {
            Spamd(parsed, parsed.Message[7..]);
        }
    }

    private void Postfix(SyslogLine line, ReadOnlySpan<byte> daemon)
    {
        var msg = line.Message;
        if (daemon.SequenceEqual("smtpd"u8))
        {
            Smtpd(line, msg);
        }
        else if (daemon.SequenceEqual("postscreen"u8))
        {
            Postscreen(line, msg);
        }
        else if (daemon.SequenceEqual("dnsblog"u8))
        {
            if (msg.StartsWith("addr "u8))
            {
                Dnsblog(line, Text(msg));
            }
        }
        else if (daemon.SequenceEqual("cleanup"u8))
        {
            Correlate(msg, "message-id=<"u8, _midQueue, keyIsValue: true);
        }
        else if (daemon.SequenceEqual("qmgr"u8))
        {
            Correlate(msg, "from=<"u8, _queueFrom, keyIsValue: false);
        }
    }

    private void Smtpd(SyslogLine line, ReadOnlySpan<byte> msg)
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
                Reject(line, LogStage.Smtpd, Text(rest[8..]));
            }
            else if (rest.IndexOf(" proto="u8) < 0)
            {
                // Note: every complete reject line ends with proto= and helo=; without them the line was
                // cut short, and whether a blocklist caused it cannot be told.
                Skipped++;
            }
        }
        else if (rest.StartsWith("client="u8))
        {
            var text = Text(rest[7..]);
            if (PostfixLines.BracketAddress(text) is { } ip)
            {
                _queueClient.Set(Text(msg[..colon]), ip);
            }
        }
    }

    private void Postscreen(SyslogLine line, ReadOnlySpan<byte> msg)
    {
        if (msg.StartsWith("NOQUEUE: reject: "u8))
        {
            if (msg.IndexOf(" blocked using "u8) >= 0)
            {
                Reject(line, LogStage.Postscreen, Text(msg[17..]));
            }
        }
        else if (msg.StartsWith("DNSBL rank "u8))
        {
            Events++;
            if (!PostfixLines.TryParseRank(Text(msg), out var rank, out var ip))
            {
                Skipped++;
            }
            else if (rank >= _postscreenThreshold)
            {
                _ranks.Set(ip, new PendingRank(rank, Here(), Text(line.Time)));
            }
        }
        else if (msg.StartsWith("PASS "u8) || msg.StartsWith("WHITELISTED "u8) || msg.StartsWith("ALLOWLISTED "u8)
            || msg.StartsWith("BLACKLISTED "u8) || msg.StartsWith("DENYLISTED "u8))
        {
            Events++;
            if (_ranks.Count > 0 && Bracket(msg) is { } ip)
            {
                _ranks.Remove(ip);
            }
        }
        else if (msg.StartsWith("DISCONNECT "u8))
        {
            Events++;
            if (_ranks.Count > 0 && Bracket(msg) is { } ip)
            {
                Disconnect(ip);
            }
        }
    }

    private void Disconnect(string ip)
    {
        // A rank over the threshold that no reject line followed: postscreen's "drop" action.
        // Limitation: the threshold is the policy's; without a postscreen target, drops are not seen.
        if (!_ranks.TryGet(ip, out var pending))
        {
            return;
        }

        _ranks.Remove(ip);
        var hits = _dnsblog.TryGet(ip, out var answers)
            ? answers
                .Select(a => new BlocklistHit(a.Zone, a.Answer, null, null, BlocklistNames.ErrorOfAnswer(a.Answer)))
                .ToList()
            : [];
        if (hits.Count > 0)
        {
            _collector.Block(new BlockEvent(LogStage.Postscreen, pending.Location, pending.Time, ip, null, null, null,
                $"dropped, DNSBL rank {pending.Rank}", null, null, hits));
        }
    }

    private void Reject(SyslogLine line, LogStage stage, string text)
    {
        Events++;
        if (PostfixLines.ParseReject(text) is not { } r)
        {
            Skipped++;
            return;
        }

        string? answer = null;
        if (_dnsblog.TryGet(r.ClientIp, out var answers))
        {
            answer = answers.FirstOrDefault(a => a.Zone == r.Zone).Answer;
        }

        if (stage == LogStage.Postscreen)
        {
            _ranks.Remove(r.ClientIp);
        }

        var error = BlocklistNames.ErrorOfText(r.Text)
            ?? (answer is null ? null : BlocklistNames.ErrorOfAnswer(answer));
        var hit = new BlocklistHit(r.Zone, answer, null, null, error);
        _collector.Block(new BlockEvent(stage, Here(), Text(line.Time), r.ClientIp, r.From, r.To, null,
            r.Subject == "client" ? r.Reply : $"{r.Reply} ({r.Subject})", null, null, [hit]));
    }

    private void Dnsblog(SyslogLine line, string text)
    {
        Events++;
        if (!PostfixLines.TryParseDnsblog(text, out var ip, out var zone, out var answer))
        {
            Skipped++;
            return;
        }

        if (!_dnsblog.TryGet(ip, out var list))
        {
            list = [];
            _dnsblog.Set(ip, list);
        }

        if (list.Count < 8 && !list.Contains((zone, answer)))
        {
            list.Add((zone, answer));
        }

        if (BlocklistNames.ErrorOfAnswer(answer) is { } error)
        {
            _collector.ErrorSeen(LogStage.Postscreen, new BlocklistHit(zone, answer, null, null, error), Here(),
                Text(line.Time));
        }
    }

    private static void Correlate(
        ReadOnlySpan<byte> msg, ReadOnlySpan<byte> field, BoundedCache<string, string> cache, bool keyIsValue)
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

        var queue = Text(msg[..colon]);
        var value = Text(rest[..end]);
        if (keyIsValue)
        {
            cache.Set(value, queue);
        }
        else
        {
            cache.Set(queue, value);
        }
    }

    private static string? Lookup(BoundedCache<string, string> cache, string? key) =>
        key is not null && cache.TryGet(key, out var value) ? value : null;

    private static string? DomainOf(string? address)
    {
        var at = address?.LastIndexOf('@') ?? -1;
        return at < 0 ? null : address![(at + 1)..].ToLowerInvariant();
    }

    /// <summary>
    /// A clean verdict (Rspamd "no action", spamd ".") that shows no error answer needs no parsing: only
    /// spam verdicts and error answers are reported. Checked on the bytes, before anything is decoded.
    /// </summary>
    private static bool IsQuietVerdict(ReadOnlySpan<byte> text, ReadOnlySpan<byte> clean) =>
        text.IndexOf(clean) >= 0 && text.IndexOf("127.255.255."u8) < 0 && text.IndexOf("BLOCKED"u8) < 0
        && text.IndexOf("OPENRESOLVER"u8) < 0;

    private static string? Bracket(ReadOnlySpan<byte> msg)
    {
        var open = msg.IndexOf((byte)'[');
        var close = open < 0 ? -1 : msg[open..].IndexOf((byte)']');
        return close < 0 ? null : Text(msg.Slice(open + 1, close - 1));
    }

    private SourceLocation Here() => new(_file, _line, 1);

    private static string Text(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
