using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RuleForge.Diagnosis;

/// <summary>
/// The parts of one log line: timestamp, program (e.g. postfix/smtpd), pid and message. Reads
/// the classic syslog prefix (<c>Dec  4 15:00:00 host prog[pid]: </c>), the RFC 3339 one
/// (<c>2026-12-04T15:00:00.123+00:00 host prog[pid]: </c>) and Rspamd's own log file prefix
/// (<c>2026-12-04 15:00:00 #pid(normal) </c>). Works on bytes, without allocating.
/// </summary>
public readonly ref struct SyslogLine
{
    /// <summary>The timestamp as written.</summary>
    public ReadOnlySpan<byte> Time { get; init; }

    /// <summary>The program name without the pid, e.g. postfix/smtpd or rspamd.</summary>
    public ReadOnlySpan<byte> Program { get; init; }

    /// <summary>The pid, or empty.</summary>
    public ReadOnlySpan<byte> Pid { get; init; }

    /// <summary>The text after the prefix.</summary>
    public ReadOnlySpan<byte> Message { get; init; }

    /// <summary>Splits a line; false when it has none of the known prefixes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<byte> line, out SyslogLine parsed) =>
        TryClassicTag(line, out parsed, out var found) ? found : TryParseBySearch(line, out parsed);

    /// <summary>As <see cref="TryParse"/>, finding host and tag by searching the line.</summary>
    internal static bool TryParseBySearch(ReadOnlySpan<byte> line, out SyslogLine parsed)
    {
        parsed = default;
        if (line.Length < 20)
        {
            return false;
        }

        ReadOnlySpan<byte> time, rest;
        if (line[3] == (byte)' ' && line[6] == (byte)' ' && line[9] == (byte)':' && line[15] == (byte)' ')
        {
            time = line[..15];
            rest = line[16..];
        }
        else if (line[4] == (byte)'-' && line[7] == (byte)'-' && line[10] == (byte)'T')
        {
            var sp = line.IndexOf((byte)' ');
            if (sp < 0)
            {
                return false;
            }

            time = line[..sp];
            rest = line[(sp + 1)..];
        }
        else if (line[4] == (byte)'-' && line[10] == (byte)' ' && line[19] == (byte)' ')
        {
            return TryRspamdNative(line, out parsed);
        }
        else
        {
            return false;
        }

        var hostEnd = rest.IndexOf((byte)' ');
        if (hostEnd < 0)
        {
            return false;
        }

        rest = rest[(hostEnd + 1)..];
        var colon = rest.IndexOf(": "u8);
        if (colon <= 0)
        {
            return false;
        }

        var tag = rest[..colon];
        var bracket = tag.IndexOf((byte)'[');
        var program = bracket < 0 ? tag : tag[..bracket];
        var pid = bracket < 0 || tag[^1] != (byte)']' ? default : tag[(bracket + 1)..^1];
        parsed = new SyslogLine { Time = time, Program = program, Pid = pid, Message = rest[(colon + 2)..] };
        return true;
    }

    /// <summary>
    /// The classic prefix's host and tag found with 32-byte comparisons instead of searches: most
    /// lines of a log are dropped right after this, so its cost is paid per line. False when the line
    /// is not classic, too short, or its host or tag too long to tell this way (the searches then
    /// decide); otherwise <paramref name="found"/> is what the search would return for the line.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryClassicTag(ReadOnlySpan<byte> line, out SyslogLine parsed, out bool found)
    {
        parsed = default;
        found = false;
        if (!Vector128.IsHardwareAccelerated || line.Length < 16 + 32 + 32 || line[3] != (byte)' '
            || line[6] != (byte)' ' || line[9] != (byte)':' || line[15] != (byte)' ')
        {
            return false;
        }

        ref var start = ref MemoryMarshal.GetReference(line);
        var spaces = Matches(ref start, 16, (byte)' ');
        if (spaces == 0)
        {
            return false;
        }

        // The tag runs from after the host to the first ": "; a colon in the last lane cannot see its
        // space, so a tag that long is left to the search.
        var at = 16 + BitOperations.TrailingZeroCount(spaces) + 1;
        var colons = Matches(ref start, at, (byte)':') & (Matches(ref start, at, (byte)' ') >> 1);
        if (colons == 0)
        {
            return false;
        }

        // Note: an empty tag is told by the mask's first bit, not by the count of trailing zeros being
        // 0: where the processor has no TZCNT (no BMI1: older processors, and a native build for the
        // baseline x86-64), .NET 10's JIT tested that count's zero flag after BSF, which is set only
        // when the mask is zero, and went on with an empty program (SyslogPrefixTests, AVX2 off).
        if ((colons & 1) != 0)
        {
            return true;
        }

        var colon = BitOperations.TrailingZeroCount(colons);

        var brackets = Matches(ref start, at, (byte)'[') & ((1u << colon) - 1);
        var program = line.Slice(at, brackets == 0 ? colon : BitOperations.TrailingZeroCount(brackets));
        var pid = brackets == 0 || line[at + colon - 1] != (byte)']'
            ? default
            : line[(at + program.Length + 1)..(at + colon - 1)];
        parsed = new SyslogLine { Time = line[..15], Program = program, Pid = pid, Message = line[(at + colon + 2)..] };
        found = true;
        return true;
    }

    /// <summary>
    /// Bit i set where byte <paramref name="at"/> + i equals <paramref name="value"/>, for 32 bytes:
    /// one 256-bit comparison, or two 128-bit ones where the processor (or a native build for the
    /// baseline x86-64) has no 256-bit vectors.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Matches(ref byte start, int at, byte value)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            return Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)at), Vector256.Create(value))
                .ExtractMostSignificantBits();
        }

        var low = Vector128.Equals(Vector128.LoadUnsafe(ref start, (nuint)at), Vector128.Create(value))
            .ExtractMostSignificantBits();
        var high = Vector128.Equals(Vector128.LoadUnsafe(ref start, (nuint)at + 16), Vector128.Create(value))
            .ExtractMostSignificantBits();
        return low | (high << 16);
    }

    private static bool TryRspamdNative(ReadOnlySpan<byte> line, out SyslogLine parsed)
    {
        // 2026-12-04 15:00:00 #1234(normal) <a1b2c3>; task; rspamd_task_write_log: ...
        parsed = default;
        var rest = line[20..];
        if (rest.Length == 0 || rest[0] != (byte)'#')
        {
            return false;
        }

        var open = rest.IndexOf((byte)'(');
        var sp = rest.IndexOf((byte)' ');
        if (open < 0 || sp < open)
        {
            return false;
        }

        parsed = new SyslogLine
        {
            Time = line[..19],
            Program = "rspamd"u8,
            Pid = rest[1..open],
            Message = rest[(sp + 1)..],
        };
        return true;
    }
}
