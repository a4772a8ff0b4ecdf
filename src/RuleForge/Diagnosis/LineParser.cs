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
internal sealed partial class LineParser
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
