using System.Text;
using RuleForge.Diagnosis;
using Xunit;

namespace RuleForge.Tests.Diagnosis;

public class LogReadingTests
{
    [Fact]
    public void Reader_SplitsLines_DropsCarriageReturns_KeepsALastLineWithoutNewline_AndSkipsOverlongOnes()
    {
        var text = "one\r\ntwo\n" + new string('x', LogLineReader.MaxLineLength + 1) + "\nthree";
        var sink = new Lines();

        LogLineReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), sink);

        Assert.Equal(["one", "two", "three"], sink.Seen);
        Assert.Equal(1, sink.Overlong);
    }

    [Fact]
    public void Reader_SkipsALineLongerThanItsBuffer_AndGoesOn()
    {
        var text = "a\n" + new string('y', 3 << 20) + "\nb\n";
        var sink = new Lines();

        LogLineReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), sink);

        Assert.Equal(["a", "b"], sink.Seen);
        Assert.Equal(1, sink.Overlong);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Reader_SplitsRandomLines_AsAPlainSplitDoes(int seed)
    {
        // Lines of every length around the 32-byte steps the splitter reads in, some ending in CR,
        // some empty, with or without a final line end.
        var random = new Random(seed);
        var lines = Enumerable.Range(0, 5000)
            .Select(_ => new string('a', random.Next(0, 100)) + (random.Next(4) == 0 ? "\r" : ""))
            .ToList();
        var text = string.Join("\n", lines) + (seed % 2 == 0 ? "\n" : "");
        var sink = new Lines();

        LogLineReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), sink);

        var expected = lines.Select(l => l.TrimEnd('\r')).ToList();
        if (seed % 2 != 0 && lines[^1].Length == 0)
        {
            expected.RemoveAt(expected.Count - 1);
        }

        Assert.Equal(expected, sink.Seen);
    }

    [Fact]
    public void BoundedCache_DropsTheLeastRecentlyUsedEntry()
    {
        var cache = new BoundedCache<string, int>(2, StringComparer.Ordinal);
        cache.Set("a", 1);
        cache.Set("b", 2);
        Assert.True(cache.TryGet("a", out _));

        cache.Set("c", 3);

        Assert.Equal(2, cache.Count);
        Assert.True(cache.TryGet("a", out var a));
        Assert.Equal(1, a);
        Assert.False(cache.TryGet("b", out _));
    }

    [Theory]
    [InlineData("Dec  4 15:00:00 mx1 postfix/smtpd[123]: connect from x", "postfix/smtpd", "123", "Dec  4 15:00:00")]
    [InlineData("2026-12-04T15:00:00.123+01:00 mx1 postfix/postscreen[9]: PASS OLD [192.0.2.1]:1",
        "postfix/postscreen", "9", "2026-12-04T15:00:00.123+01:00")]
    [InlineData("2026-12-04 15:00:00 #77(normal) <ab12>; task; rspamd_task_write_log: id: <x>", "rspamd", "77",
        "2026-12-04 15:00:00")]
    public void SyslogPrefix_IsParsed_InEachFormat(string line, string program, string pid, string time)
    {
        var ok = SyslogLine.TryParse(Encoding.UTF8.GetBytes(line), out var parsed);

        Assert.True(ok);
        Assert.Equal(program, Encoding.UTF8.GetString(parsed.Program));
        Assert.Equal(pid, Encoding.UTF8.GetString(parsed.Pid));
        Assert.Equal(time, Encoding.UTF8.GetString(parsed.Time));
    }

    private sealed class Lines : ILogLineSink
    {
        public List<string> Seen { get; } = [];

        public int Overlong { get; private set; }

        public void OnLine(ReadOnlySpan<byte> line) => Seen.Add(Encoding.UTF8.GetString(line));

        public void OnOverlong() => Overlong++;
    }
}
