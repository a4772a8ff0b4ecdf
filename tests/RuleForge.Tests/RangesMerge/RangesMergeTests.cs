using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.RangesMerge;

public sealed class RangesMergeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rf-ranges-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Merge_PrintsTheMinimalCover_Ipv4First_Sorted()
    {
        var path = Write("a.txt", "2001:db8:1::/48\n198.51.100.0/25\n2001:db8::/48\n198.51.100.128/25\n192.0.2.7\n");

        var result = CliRunner.Run("ranges", "merge", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("192.0.2.7/32\n198.51.100.0/24\n2001:db8::/47\n", result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Merge_ClearsHostBits_AsIprangeDoes_AndPrintsCanonicalIpv6()
    {
        var path = Write("a.txt", "10.1.2.3/8\n2001:0DB8:0:0:0:0:0:1/64\n");

        var result = CliRunner.Run("ranges", "merge", path);

        Assert.Equal("10.0.0.0/8\n2001:db8::/64\n", result.Stdout);
    }

    [Fact]
    public void Merge_SkipsBlankLinesAndComments_AndReadsCrlf()
    {
        var path = Write("a.txt", "\uFEFF# a list\r\n\r\n  192.0.2.0/25 # first half\r\n\t192.0.2.128/25\r\n#\n   \n");

        var result = CliRunner.Run("ranges", "merge", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("192.0.2.0/24\n", result.Stdout);
    }

    [Fact]
    public void Merge_ReadsStandardInput_ForADash_AndWithoutFiles()
    {
        var file = Write("a.txt", "192.0.2.0/25\n");

        var dash = CliRunner.RunWithInput("192.0.2.128/25\n::1\n", "ranges", "merge", file, "-");
        var none = CliRunner.RunWithInput("192.0.2.128/25", "ranges", "merge");

        Assert.Equal("192.0.2.0/24\n::1/128\n", dash.Stdout);
        Assert.Equal("192.0.2.128/25\n", none.Stdout);
    }

    [Fact]
    public void Merge_WithBareHosts_PrintsSingleAddressesWithoutPrefix()
    {
        var result = CliRunner.RunWithInput("192.0.2.1\n192.0.2.2/31\n2001:db8::1/128\n",
            "ranges", "merge", "--bare-hosts");

        Assert.Equal("192.0.2.1\n192.0.2.2/31\n2001:db8::1\n", result.Stdout);
    }

    [Fact]
    public void Merge_ReportsEachBadLineWithItsPosition_AndPrintsNothing()
    {
        var path = Write(
            "bad.txt", "192.0.2.0/24\n  192.0.2.300\n10.0.0.0/33 # too long\n2001:db8::/200\nexample.com\n");

        var result = CliRunner.Run("ranges", "merge", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var name = Path.GetFileName(path);
        Assert.Contains($"{name}:2:3: error RF1380: '192.0.2.300' is not an IP address or network", result.Stderr);
        Assert.Contains($"{name}:3:1: error RF1381: '10.0.0.0/33' has a bad prefix length: it must be a number " +
            "from 0 to 32", result.Stderr);
        Assert.Contains($"{name}:4:1: error RF1381: '2001:db8::/200' has a bad prefix length: it must be a " +
            "number from 0 to 128", result.Stderr);
        Assert.Contains($"{name}:5:1: error RF1380: 'example.com'", result.Stderr);
        Assert.Contains("hint:", result.Stderr);
    }

    [Fact]
    public void Merge_NamesStandardInput_AndCountsBadLinesPastTheFirstTwenty()
    {
        var input = string.Concat(Enumerable.Range(1, 25).Select(i => $"bad{i}\n"));

        var result = CliRunner.RunWithInput(input, "ranges", "merge", "-");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("<stdin>:20:1: error RF1380: 'bad20'", result.Stderr);
        Assert.DoesNotContain("'bad21'", result.Stderr);
        Assert.Contains("error RF1384: 5 more lines are not addresses or networks", result.Stderr);
    }

    [Fact]
    public void Merge_ReportsAMissingFile_AndALineTooLong()
    {
        var longLine = Write("long.txt", "192.0.2.0/24\n" + new string('1', 5000) + "\n10.0.0.0/8\n");

        var missing = CliRunner.Run("ranges", "merge", Path.Combine(_folder, "nope.txt"));
        var tooLong = CliRunner.Run("ranges", "merge", longLine);

        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("error RF1382: cannot read 'nope.txt': no such file", missing.Stderr);
        Assert.Equal(1, tooLong.ExitCode);
        Assert.Equal("", tooLong.Stdout);
        Assert.Contains("long.txt:2:1: error RF1383: the line is longer than 4096 bytes", tooLong.Stderr);
        Assert.DoesNotContain("RF1380", tooLong.Stderr);
    }

    [Fact]
    public void Merge_OfAnEmptyInput_PrintsNothing()
    {
        var result = CliRunner.RunWithInput("# nothing\n\n", "ranges", "merge");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stdout);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Merge_AgreesWithAnAddressByAddressReference_OnRandomInput(int seed)
    {
        var random = new Random(seed);
        var reference = new ReferenceCover();
        var lines = new List<string>();
        for (var i = 0; i < random.Next(1, 400); i++)
        {
            lines.Add(reference.AddRandom(random));
        }

        var path = Write("random.txt", string.Join('\n', lines) + "\n");

        var result = CliRunner.Run("ranges", "merge", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Concat(reference.Cover().Select(n => n + "\n")), result.Stdout);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
