using System.IO.Compression;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RuleForge.Diagnosis;

/// <summary>
/// Cuts a log stream into blocks of whole lines, each in a rented buffer, and blocks into lines:
/// the whole file is never held, and a gzip stream is recognised by its magic bytes, whatever the
/// file is called. Blocks can be split into lines on other threads (see <see cref="LogDiagnoser"/>).
/// </summary>
public static class LogLineReader
{
    /// <summary>Longer lines are counted and skipped, so one runaway line cannot grow memory.</summary>
    public const int MaxLineLength = 64 * 1024;

    /// <summary>Size of one block's buffer.</summary>
    public const int BlockSize = 1 << 20;

    /// <summary>
    /// Returns a stream of the log's text: the stream itself, or a decompressing one when it starts
    /// with the gzip magic bytes (concatenated gzip members, as logrotate may write, are read whole).
    /// </summary>
    public static Stream Open(Stream raw)
    {
        // Limitation: .NET's GZipStream ends quietly at the end of a gzip file cut short, so such a
        // file is read up to where it ends without an error.
        var magic = new byte[2];
        var read = raw.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        var replay = new ReplayStream(magic.AsMemory(0, read), raw);
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b
            ? new GZipStream(replay, CompressionMode.Decompress)
            : replay;
    }

    /// <summary>Reads every line of the stream into the sink, on this thread.</summary>
    public static void Read<TSink>(Stream stream, TSink sink)
        where TSink : ILogLineSink
    {
        var pool = new BlockPool();
        foreach (var block in Blocks(stream, pool))
        {
            Lines(block, sink);
            pool.Return(block.Buffer);
        }
    }

    /// <summary>
    /// The stream's blocks in order. Each block's buffer comes from the pool: hand it back once the
    /// block is read. A line longer than a whole buffer comes as an <see cref="LogBlock.Overlong"/>
    /// marker and its bytes are skipped.
    /// </summary>
    public static IEnumerable<LogBlock> Blocks(Stream stream, BlockPool pool)
    {
        var buffer = pool.Rent();
        int end = 0;
        var skipping = false;
        while (true)
        {
            var n = stream.Read(buffer, end, BlockSize - end);
            if (n == 0)
            {
                break;
            }

            var start = end;
            end += n;
            if (skipping)
            {
                // The rest of a line too long for a buffer: drop it up to its line end.
                var nl = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (nl < 0)
                {
                    end = 0;
                    continue;
                }

                skipping = false;
                var keep = end - (start + nl + 1);
                Buffer.BlockCopy(buffer, start + nl + 1, buffer, 0, keep);
                end = keep;
                continue;
            }

            var last = buffer.AsSpan(0, end).LastIndexOf((byte)'\n');
            if (last < 0)
            {
                if (end < BlockSize)
                {
                    continue;
                }

                // Note: no line end in a whole buffer: report one overlong line and skip to the next one.
                skipping = true;
                end = 0;
                yield return new LogBlock([], 0, overlong: true);
                continue;
            }

            var next = pool.Rent();
            var tail = end - (last + 1);
            Buffer.BlockCopy(buffer, last + 1, next, 0, tail);
            yield return new LogBlock(buffer, last + 1, overlong: false);
            buffer = next;
            end = tail;
        }

        if (end > 0 && !skipping)
        {
            yield return new LogBlock(buffer, end, overlong: false);
        }
        else
        {
            pool.Return(buffer);
        }
    }

    /// <summary>Hands every line of one block to the sink, in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Lines<TSink>(LogBlock block, TSink sink)
        where TSink : ILogLineSink
    {
        if (block.Overlong)
        {
            sink.OnOverlong();
            return;
        }

        // Note: lines are short; finding each line end with a search call costs more than the
        // line's own parsing, so the line ends of 64 bytes at a time are found with vector compares.
        var data = block.Data;
        var start = 0;
        var at = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            ref var first = ref MemoryMarshal.GetReference(data);
            for (; at + 64 <= data.Length; at += 64)
            {
                var ends = LineEnds(ref first, at);
                while (ends != 0)
                {
                    var nl = at + BitOperations.TrailingZeroCount(ends);
                    ends &= ends - 1;
                    Emit(data[start..nl], sink);
                    start = nl + 1;
                }
            }
        }

        while (start < data.Length)
        {
            var nl = data[Math.Max(at, start)..].IndexOf((byte)'\n');
            if (nl < 0)
            {
                Emit(data[start..], sink);
                return;
            }

            nl += Math.Max(at, start);
            Emit(data[start..nl], sink);
            start = nl + 1;
        }
    }

    /// <summary>
    /// Bit i set where byte <paramref name="at"/> + i is a line feed, for 64 bytes: one 512-bit
    /// comparison, two 256-bit or four 128-bit ones, whichever the processor (or a native build for
    /// the baseline x86-64) has.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong LineEnds(ref byte first, int at)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            return Vector512.Equals(Vector512.LoadUnsafe(ref first, (nuint)at), Vector512.Create((byte)'\n'))
                .ExtractMostSignificantBits();
        }

        if (Vector256.IsHardwareAccelerated)
        {
            var newline = Vector256.Create((byte)'\n');
            ulong low = Vector256.Equals(Vector256.LoadUnsafe(ref first, (nuint)at), newline)
                .ExtractMostSignificantBits();
            ulong high = Vector256.Equals(Vector256.LoadUnsafe(ref first, (nuint)at + 32), newline)
                .ExtractMostSignificantBits();
            return low | (high << 32);
        }

        var lf = Vector128.Create((byte)'\n');
        ulong ends = 0;
        for (var i = 0; i < 4; i++)
        {
            ends |= (ulong)Vector128.Equals(Vector128.LoadUnsafe(ref first, (nuint)(at + (16 * i))), lf)
                .ExtractMostSignificantBits() << (16 * i);
        }

        return ends;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Emit<TSink>(ReadOnlySpan<byte> line, TSink sink)
        where TSink : ILogLineSink
    {
        if (line.Length > MaxLineLength)
        {
            sink.OnOverlong();
            return;
        }

        if (line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        sink.OnLine(line);
    }
}
