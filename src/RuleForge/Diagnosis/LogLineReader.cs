using System.Buffers;
using System.IO.Compression;

namespace RuleForge.Diagnosis;

/// <summary>
/// Splits a log stream into lines with one reusable buffer: the whole file is never held, and
/// a gzip stream is recognised by its magic bytes, whatever the file is called.
/// </summary>
public static class LogLineReader
{
    /// <summary>Longer lines are counted and skipped, so one runaway line cannot grow memory.</summary>
    public const int MaxLineLength = 64 * 1024;

    private const int BufferSize = 1 << 20;

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

    /// <summary>Reads every line of the stream into the sink.</summary>
    public static void Read<TSink>(Stream stream, TSink sink)
        where TSink : ILogLineSink
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            ReadLines(stream, sink, buffer);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void ReadLines<TSink>(Stream stream, TSink sink, byte[] buffer)
        where TSink : ILogLineSink
    {
        int start = 0, end = 0;
        var skipping = false;
        while (true)
        {
            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }

            if (end == buffer.Length)
            {
                // Note: no line end in a whole buffer: drop what we have and skip to the next one.
                if (!skipping)
                {
                    sink.OnOverlong();
                }

                skipping = true;
                end = 0;
            }

            var n = stream.Read(buffer, end, buffer.Length - end);
            if (n == 0)
            {
                break;
            }

            end += n;
            start = Split(buffer.AsSpan(0, end), sink, ref skipping);
        }

        if (end > start && !skipping)
        {
            Emit(buffer.AsSpan(start, end - start), sink);
        }
    }

    private static int Split<TSink>(ReadOnlySpan<byte> data, TSink sink, ref bool skipping)
        where TSink : ILogLineSink
    {
        var pos = 0;
        while (true)
        {
            var nl = data[pos..].IndexOf((byte)'\n');
            if (nl < 0)
            {
                return pos;
            }

            if (skipping)
            {
                skipping = false;
            }
            else
            {
                Emit(data.Slice(pos, nl), sink);
            }

            pos += nl + 1;
        }
    }

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
