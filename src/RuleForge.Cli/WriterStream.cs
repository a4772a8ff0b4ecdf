using System.Text;

namespace RuleForge.Cli;

/// <summary>Lets a Utf8JsonWriter write into a TextWriter (stdout in-process or real).</summary>
internal static class WriterStream
{
    public static Stream AsStream(this TextWriter writer) => new TextWriterStream(writer);

    private sealed class TextWriterStream(TextWriter writer) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush() => writer.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) =>
            writer.Write(Encoding.UTF8.GetString(buffer, offset, count));
    }
}
