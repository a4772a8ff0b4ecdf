using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace RuleForge.Diagnosis;

/// <summary>
/// A short field of a log line (queue id, client address, pid, message id) as the scanner's state
/// keeps it: up to 15 ASCII bytes held inline with their length, anything longer or not ASCII as
/// its decoded string. Most fields are set once and never looked up again; inline ones cost no
/// string and hash in a few instructions. Equal when the fields' decoded texts are equal, whether
/// made from the log's bytes or from a string parsed out of another line.
/// </summary>
internal readonly struct LogKey : IEquatable<LogKey>
{
    private const int Inline = 15;

    private readonly ulong _low;
    private readonly ulong _high;
    private readonly string? _text;

    private LogKey(ulong low, ulong high, string? text)
    {
        _low = low;
        _high = high;
        _text = text;
    }

    /// <summary>True for the default value, which no field gives.</summary>
    public bool IsEmpty => _high == 0 && _text is null;

    /// <summary>The key of a field's bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LogKey From(ReadOnlySpan<byte> field)
    {
        if (field.Length > Inline || !Ascii.IsValid(field))
        {
            return new LogKey(0, 0, Encoding.UTF8.GetString(field));
        }

        Span<byte> packed = stackalloc byte[16];
        packed.Clear();
        field.CopyTo(packed);
        packed[Inline] = (byte)(field.Length + 1);
        return new LogKey(BinaryPrimitives.ReadUInt64LittleEndian(packed),
            BinaryPrimitives.ReadUInt64LittleEndian(packed[8..]), null);
    }

    /// <summary>The key of a field already decoded.</summary>
    public static LogKey From(string field)
    {
        if (field.Length > Inline || !Ascii.IsValid(field))
        {
            return new LogKey(0, 0, field);
        }

        Span<byte> bytes = stackalloc byte[Inline];
        var n = Encoding.ASCII.GetBytes(field, bytes);
        return From(bytes[..n]);
    }

    /// <inheritdoc />
    public bool Equals(LogKey other) =>
        _low == other._low && _high == other._high && string.Equals(_text, other._text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is LogKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _text?.GetHashCode(StringComparison.Ordinal) ?? HashCode.Combine(_low, _high);

    /// <summary>The field's text.</summary>
    public override string ToString()
    {
        if (_text is not null || _high == 0)
        {
            return _text ?? "";
        }

        Span<byte> packed = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(packed, _low);
        BinaryPrimitives.WriteUInt64LittleEndian(packed[8..], _high);
        return Encoding.ASCII.GetString(packed[..(packed[Inline] - 1)]);
    }
}
