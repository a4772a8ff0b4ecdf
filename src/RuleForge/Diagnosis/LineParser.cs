using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace RuleForge.Diagnosis;

/// <summary>
/// The stateless half of diagnose: reads the lines of one block and turns those the scanner's
/// state needs into <see cref="ScanItem"/>s, counting events and skipped lines as it goes.
/// Uninteresting lines are dropped on their syslog prefix and a few byte comparisons, before
/// anything is decoded. Holds no state of its own, so several threads can parse blocks at once.
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
        if (line.IsEmpty)
        {
            return;
        }

        ParseLine(line, block, n);
    }

    /// <summary>Reads one non-empty line (line <paramref name="n"/> of the block).</summary>
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
            Key(ref item, ip);
            block.Items.Add(item);
        }
    }

    private static void Key(ref ScanItem item, ReadOnlySpan<byte> part) => item.Key = LogKey.From(part);

    private static void Value(ref ScanItem item, ReadOnlySpan<byte> part) => item.Value = LogKey.From(part);

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
