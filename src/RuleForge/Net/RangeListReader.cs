using System.Text;
using RuleForge.Diagnostics;

namespace RuleForge.Net;

/// <summary>
/// Streams lists of addresses and networks, one a line, into an <see cref="AddressSetBuilder"/>
/// without allocating per line. Blank lines and '#' comments (whole-line or trailing) are
/// skipped; spaces, tabs and a CR around the value are ignored. Host bits are cleared, as
/// FireHOL's iprange does (<c>10.1.2.3/8</c> reads as <c>10.0.0.0/8</c>). Bad lines become
/// diagnostics with file, line and column; the first <see cref="MaxReported"/> are reported
/// one by one, the rest counted.
/// </summary>
public sealed class RangeListReader(AddressSetBuilder builder)
{
    /// <summary>The longest line accepted, in bytes.</summary>
    public const int MaxLineBytes = 4096;

    /// <summary>How many bad lines are reported one by one.</summary>
    public const int MaxReported = 20;

    private const int ChunkBytes = 1 << 18;
    private const int QuotedBytes = 80;

    private readonly List<Diagnostic> _diagnostics = [];
    private readonly AddressSetBuilder _builder = builder;

    /// <summary>The lines that were not addresses or networks, and the unreadable inputs.</summary>
    public int Errors { get; private set; }

    /// <summary>The diagnostics so far, with a closing count once <see cref="Finish"/> ran.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>Reads one input to its end; <paramref name="name"/> is used in diagnostics.</summary>
    public void Read(Stream input, string name)
    {
        var buffer = new byte[ChunkBytes];
        var filled = 0;
        var line = 1;
        var skippingLongLine = false;
        var first = true;
        while (true)
        {
            var read = input.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            var data = buffer.AsSpan(0, filled);
            if (first && data.Length >= 3 && data[..3].SequenceEqual("\uFEFF"u8))
            {
                data = data[3..];
                first = false;
            }
            else if (data.Length >= 3 || read == 0)
            {
                first = false;
            }

            var consumed = 0;
            while (true)
            {
                var end = data[consumed..].IndexOf((byte)'\n');
                if (end < 0)
                {
                    break;
                }

                if (!skippingLongLine)
                {
                    ReadLine(data.Slice(consumed, end), name, line);
                }

                skippingLongLine = false;
                consumed += end + 1;
                line++;
            }

            var rest = data[consumed..];
            if (read == 0)
            {
                if (!skippingLongLine && rest.Length > 0)
                {
                    ReadLine(rest, name, line);
                }

                return;
            }

            if (rest.Length > MaxLineBytes && !skippingLongLine)
            {
                Report(Messages.RangeLineTooLong.At(new SourceLocation(name, line, 1), MaxLineBytes));
                skippingLongLine = true;
            }

            if (skippingLongLine)
            {
                rest = [];
            }

            rest.CopyTo(buffer);
            filled = rest.Length;
        }
    }

    /// <summary>Records an input that could not be opened or read.</summary>
    public void ReportUnreadable(string name, string reason) =>
        Report(Messages.RangeInputUnreadable.At(SourceLocation.OfFile(name), name, reason));

    /// <summary>Adds the count of bad lines that were not reported one by one.</summary>
    public void Finish()
    {
        if (Errors > MaxReported)
        {
            _diagnostics.Add(Messages.RangeMoreErrors.At(
                SourceLocation.OfFile("input"), Errors - MaxReported, MaxReported));
        }
    }

    private void ReadLine(ReadOnlySpan<byte> text, string name, int line)
    {
        if (text.Length > MaxLineBytes)
        {
            Report(Messages.RangeLineTooLong.At(new SourceLocation(name, line, 1), MaxLineBytes));
            return;
        }

        var hash = text.IndexOf((byte)'#');
        if (hash >= 0)
        {
            text = text[..hash];
        }

        var start = 0;
        while (start < text.Length && IsBlank(text[start]))
        {
            start++;
        }

        var end = text.Length;
        while (end > start && IsBlank(text[end - 1]))
        {
            end--;
        }

        if (start == end)
        {
            return;
        }

        var value = text[start..end];
        var status = AddressText.TryParseNetwork(value, out var family, out var address, out var prefix);
        if (status == AddressParseStatus.Ok)
        {
            var range = AddressText.Mask(family, address, prefix);
            if (family == IpFamily.V4)
            {
                _builder.AddV4((uint)range.First, (uint)range.Last);
            }
            else
            {
                _builder.AddV6(range.First, range.Last);
            }

            return;
        }

        var at = new SourceLocation(name, line, start + 1);
        var quoted = Quote(value);
        Report(status == AddressParseStatus.BadPrefix
            ? Messages.RangeBadPrefix.At(at, quoted, family == IpFamily.V4 ? 32 : 128)
            : Messages.RangeNotAddress.At(at, quoted));
    }

    private void Report(Diagnostic diagnostic)
    {
        Errors++;
        if (Errors <= MaxReported)
        {
            _diagnostics.Add(diagnostic);
        }
    }

    private static bool IsBlank(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\r';

    private static string Quote(ReadOnlySpan<byte> value) =>
        value.Length <= QuotedBytes
            ? Encoding.UTF8.GetString(value)
            : Encoding.UTF8.GetString(value[..QuotedBytes]) + "...";
}
