using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace RuleForge.Diagnosis;

/// <summary>
/// The stateless half of diagnose: reads the lines of one block and turns those the scanner's
/// state needs into <see cref="ScanItem"/>s, counting events and skipped lines as it goes.
/// Uninteresting lines are dropped by a few byte comparisons on the syslog prefix before anything
/// is decoded. Holds no state of its own, so several threads can parse blocks at once.
/// </summary>
internal sealed class LineParser
{
    [ThreadStatic]
    private static char[]? _chars;

    private readonly BlocklistNames _names;
    private readonly int? _postscreenThreshold;

    /// <summary>The symbols worth keeping: authentication results and possible blocklists.</summary>
    private readonly SymbolFilter _keep;

    public LineParser(BlocklistNames names, int? postscreenThreshold)
    {
        _names = names;
        _postscreenThreshold = postscreenThreshold;
        _keep = (name, options) => AuthSymbols.IsKnown(name) || names.MayName(name, options);
    }

    /// <summary>Parses one block into an empty <see cref="ScanBlock"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ScanBlock Parse(LogBlock block, ScanBlock result)
    {
        result.Source = block;
        LogLineReader.Lines(block, new Sink(this, result));
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void OnLine(ReadOnlySpan<byte> line, ScanBlock block)
    {
        var n = (int)++block.Lines;
        if (line.IsEmpty || IsSurelyDropped(line))
        {
            return;
        }

        ParseLine(line, block, n);
    }

    /// <summary>Reads one line the fast check did not drop (line <paramref name="n"/> of the block).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void ParseLine(ReadOnlySpan<byte> line, ScanBlock block, int n)
    {
        if (!SyslogLine.TryParse(line, out var parsed))
        {
            block.Skipped++;
            return;
        }

        var program = parsed.Program;
        if (program.StartsWith("postfix"u8))
        {
            var slash = program.Length - 1;
            while (slash >= 0 && program[slash] != (byte)'/')
            {
                slash--;
            }

            var daemon = program[(slash + 1)..];
            Postfix(parsed, daemon, block, n);
        }
        else if (program.SequenceEqual("rspamd"u8))
        {
            var at = parsed.Message.IndexOf("rspamd_task_write_log: "u8);
            if (at >= 0)
            {
                Rspamd(parsed, parsed.Message[(at + 23)..], block, n);
            }
        }
        else if (program.SequenceEqual("spamd"u8) && parsed.Message.StartsWith("spamd: "u8))
        {
            Spamd(parsed, parsed.Message[7..], block, n);
        }
    }

    /// <summary>
    /// True for a line in the classic syslog format that <see cref="SyslogLine.TryParse"/> reads and
    /// that no kind diagnose reads can be: another program, a Postfix daemon diagnose ignores, an
    /// smtpd connect or disconnect, a postscreen CONNECT. Most of a mail log is such lines; this
    /// tells them apart in one short pass over the prefix. False means "not sure": the line takes
    /// the full path, which decides the same way for every line this drops.
    /// </summary>
    internal static bool IsSurelyDropped(ReadOnlySpan<byte> line)
    {
        if (line.Length < 20 || line[3] != (byte)' ' || line[6] != (byte)' ' || line[9] != (byte)':'
            || line[15] != (byte)' ')
        {
            return false;
        }

        // The host ends at the first space; the program at '[' (a pid follows) or at ": ".
        var i = 16;
        while (i < line.Length && line[i] != (byte)' ')
        {
            i++;
        }

        var start = ++i;
        while (i < line.Length && line[i] != (byte)'[' && line[i] != (byte)':')
        {
            i++;
        }

        if (i == start || i + 2 >= line.Length)
        {
            return false;
        }

        var program = line[start..i];
        if (line[i] == (byte)'[')
        {
            i++;
            while (i < line.Length && char.IsAsciiDigit((char)line[i]))
            {
                i++;
            }

            if (i + 2 >= line.Length || line[i] != (byte)']')
            {
                return false;
            }

            i++;
        }

        if (line[i] != (byte)':' || line[i + 1] != (byte)' ')
        {
            return false;
        }

        var message = line[(i + 2)..];
        if (!program.StartsWith("postfix"u8))
        {
            return !program.SequenceEqual("rspamd"u8) && !program.SequenceEqual("spamd"u8);
        }

        var daemon = program[(program.LastIndexOf((byte)'/') + 1)..];
        if (daemon.SequenceEqual("smtpd"u8))
        {
            return message.IsEmpty || message[0] >= (byte)'a';
        }

        if (daemon.SequenceEqual("postscreen"u8))
        {
            return message.StartsWith("CONNECT "u8);
        }

        return !daemon.SequenceEqual("dnsblog"u8) && !daemon.SequenceEqual("cleanup"u8)
            && !daemon.SequenceEqual("qmgr"u8);
    }

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
            Key(ref item, block, msg[..colon]);
            Value(ref item, block, ip);
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
                var item = new ScanItem { Kind = ScanKind.Rank, Line = n, Rank = rank, Detail = ip };
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

        var item = new ScanItem { Kind = ScanKind.Reject, Stage = stage, Line = n, Detail = r };
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

        var item = new ScanItem { Kind = ScanKind.Dnsblog, Line = n, Detail = new DnsblogAnswer(ip, zone, answer) };
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
            Key(ref item, block, rest[..end]);
            Value(ref item, block, msg[..colon]);
        }
        else
        {
            Key(ref item, block, msg[..colon]);
            Value(ref item, block, rest[..end]);
        }

        block.Items.Add(item);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Rspamd(in SyslogLine line, ReadOnlySpan<byte> rest, ScanBlock block, int n)
    {
        block.Events++;
        if (IsQuietVerdict(rest, "(no action): ["u8))
        {
            return;
        }

        if (ContentLines.ParseRspamd(Chars(rest), _keep) is not { } r)
        {
            block.Skipped++;
            return;
        }

        var spam = r.Action != "no action";
        var hits = Classify(r.Symbols);
        if (hits.Count == 0 || (!spam && hits.TrueForAll(h => h.Error is null)))
        {
            return;
        }

        var verdict = string.Create(CultureInfo.InvariantCulture, $"{r.Action} {r.Score:0.00}/{r.Required:0.00}");
        var item = new ScanItem { Kind = ScanKind.Rspamd, Line = n, Detail = new ParsedRspamd(r, hits, spam, verdict) };
        Time(ref item, block, line.Time);
        block.Items.Add(item);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Spamd(in SyslogLine line, ReadOnlySpan<byte> msg, ScanBlock block, int n)
    {
        if (msg.StartsWith("checking message "u8))
        {
            block.Events++;
            var open = msg.IndexOf((byte)'<');
            var close = open < 0 ? -1 : msg[open..].IndexOf((byte)'>');
            if (close > 0)
            {
                var item = new ScanItem { Kind = ScanKind.SpamdMessage, Line = n };
                Key(ref item, block, line.Pid);
                Value(ref item, block, msg.Slice(open + 1, close - 1));
                block.Items.Add(item);
            }
        }
        else if (msg.StartsWith("identified spam "u8) || msg.StartsWith("clean message "u8))
        {
            block.Events++;
            if (ContentLines.TryParseSpamdScore(Chars(msg), out var score, out var required))
            {
                var item = new ScanItem { Kind = ScanKind.SpamdScore, Line = n, Score = score, Required = required };
                Key(ref item, block, line.Pid);
                block.Items.Add(item);
            }
        }
        else if (msg.StartsWith("result: "u8))
        {
            SpamdResult(line, msg, block, n);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SpamdResult(in SyslogLine line, ReadOnlySpan<byte> msg, ScanBlock block, int n)
    {
        block.Events++;
        if (IsQuietVerdict(msg, "result: . "u8))
        {
            return;
        }

        if (!ContentLines.TryParseSpamdResult(Chars(msg[8..]), out var spam, out var whole, out var rules, out var mid,
                out var required))
        {
            block.Skipped++;
            return;
        }

        var symbols = rules.Where(r => _keep(r, [])).Select(r => new ContentSymbol(r, null, [])).ToList();
        var item = new ScanItem
        {
            Kind = ScanKind.SpamdResult,
            Line = n,
            Detail = new ParsedSpamd(spam, whole, symbols, Classify(symbols), mid, required),
        };
        Key(ref item, block, line.Pid);
        Time(ref item, block, line.Time);
        block.Items.Add(item);
    }

    private List<BlocklistHit> Classify(IReadOnlyList<ContentSymbol> symbols)
    {
        var hits = new List<BlocklistHit>();
        foreach (var symbol in symbols)
        {
            if (_names.Classify(symbol) is { } hit)
            {
                hits.Add(hit);
            }
        }

        return hits;
    }

    /// <summary>
    /// A clean verdict (Rspamd "no action", spamd ".") that shows no error answer needs no parsing: only
    /// spam verdicts and error answers are reported. Checked on the bytes, before anything is decoded.
    /// </summary>
    private static bool IsQuietVerdict(ReadOnlySpan<byte> text, ReadOnlySpan<byte> clean) =>
        text.IndexOf(clean) >= 0 && text.IndexOf("127.255.255."u8) < 0 && text.IndexOf("BLOCKED"u8) < 0
        && text.IndexOf("OPENRESOLVER"u8) < 0;

    /// <summary>The bytes between the first '[' and the next ']', as Postfix writes clients.</summary>
    private static bool TryBracket(ReadOnlySpan<byte> msg, out ReadOnlySpan<byte> inside)
    {
        var open = msg.IndexOf((byte)'[');
        var close = open < 0 ? -1 : msg[open..].IndexOf((byte)']');
        inside = close < 0 ? default : msg.Slice(open + 1, close - 1);
        return close >= 0;
    }

    private static void Address(ScanKind kind, ReadOnlySpan<byte> msg, ScanBlock block, int n)
    {
        if (TryBracket(msg, out var ip))
        {
            var item = new ScanItem { Kind = kind, Line = n };
            Key(ref item, block, ip);
            block.Items.Add(item);
        }
    }

    private static void Key(ref ScanItem item, ScanBlock block, ReadOnlySpan<byte> part) =>
        (item.KeyAt, item.KeyLength) = (Offset(block, part), part.Length);

    private static void Value(ref ScanItem item, ScanBlock block, ReadOnlySpan<byte> part) =>
        (item.ValueAt, item.ValueLength) = (Offset(block, part), part.Length);

    private static void Time(ref ScanItem item, ScanBlock block, ReadOnlySpan<byte> part) =>
        (item.TimeAt, item.TimeLength) = (Offset(block, part), part.Length);

    /// <summary>Where a part of a line starts in its block's buffer (every line is a slice of it).</summary>
    private static int Offset(ScanBlock block, ReadOnlySpan<byte> part) =>
        part.IsEmpty ? 0 : (int)Unsafe.ByteOffset(
            ref MemoryMarshal.GetArrayDataReference(block.Source!.Buffer), ref MemoryMarshal.GetReference(part));

    /// <summary>
    /// The line's text in this thread's character buffer, valid until the next call on the thread:
    /// parsers read it and copy out only the fields they keep.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ReadOnlySpan<char> Chars(ReadOnlySpan<byte> bytes)
    {
        // Note: UTF-8 never decodes to more characters than it has bytes, and lines are at most
        // MaxLineLength bytes.
        var buffer = _chars ??= new char[LogLineReader.MaxLineLength];
        return buffer.AsSpan(0, Encoding.UTF8.GetChars(bytes, buffer));
    }

    private readonly struct Sink(LineParser parser, ScanBlock block) : ILogLineSink
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void OnLine(ReadOnlySpan<byte> line) => parser.OnLine(line, block);

        public void OnOverlong()
        {
            block.Lines++;
            block.Skipped++;
        }
    }
}
