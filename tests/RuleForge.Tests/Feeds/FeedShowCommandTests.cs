using System.Text.Json;
using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Feeds;

public class FeedShowCommandTests
{
    [Fact]
    public void Json_HasExactlyRowsSelectedFieldsAndRanges()
    {
        var result = CliRunner.Run("feed", "show", FeedInputs.PathOf("aws.json"),
            "--where", "service=EC2", "--where", "region=us-east-1", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        var root = doc.RootElement;
        Assert.Equal(["rows", "selected", "fields", "ranges"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(11, root.GetProperty("rows").GetInt32());
        Assert.Equal(4, root.GetProperty("selected").GetInt32());
        Assert.Equal(["203.0.113.0/24", "2001:db8:1::/48"],
            root.GetProperty("ranges").EnumerateArray().Select(e => e.GetString()));
        var fields = root.GetProperty("fields");
        Assert.Equal(["network_border_group", "region", "service"], fields.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            [("AMAZON", 4), ("EC2", 6), ("ROUTE53", 1)],
            fields.GetProperty("service").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())));
    }

    [Fact]
    public void Json_ArrayFieldsCountEachRowOnce_AndPortsAreFilterable()
    {
        var result = CliRunner.Run("feed", "show", FeedInputs.PathOf("m365.json"),
            "--where", "tcpPorts=25", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        var ports = doc.RootElement.GetProperty("fields").GetProperty("tcpPorts");
        Assert.Equal(2, ports.GetProperty("443").GetInt32());
        Assert.Equal(1, ports.GetProperty("25").GetInt32());
        Assert.Equal(1, doc.RootElement.GetProperty("selected").GetInt32());
        Assert.Equal(["198.51.100.0/24", "2001:db8:20::/48"],
            doc.RootElement.GetProperty("ranges").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void RepeatedField_IsAnyOf_AndNotEqualNegates()
    {
        var result = CliRunner.Run("feed", "show", FeedInputs.PathOf("atlassian.json"),
            "--where", "region=us-west-2", "--where", "region=eu-west-1", "--where", "direction!=ingress",
            "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal(["192.0.2.0/26"],
            doc.RootElement.GetProperty("ranges").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Text_NamesTheShapeFieldsStepsAndRanges()
    {
        var result = CliRunner.Run("feed", "show", FeedInputs.PathOf("github.json"), "--where", "service=hooks");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("recognised as github, 5 rows", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("where service in hooks: 2 rows", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  2001:db8:30::/48", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void ShapeOption_OverridesDetection()
    {
        var result = CliRunner.Run("feed", "show", FeedInputs.PathOf("atlassian.json"), "--shape", "generic",
            "--items", "items", "--cidr-field", "network", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.True(doc.RootElement.GetProperty("fields").TryGetProperty("cidr", out _));
    }

    [Fact]
    public void UnknownValue_GetsADidYouMean_AndAFilterThatKeepsNothingExitsOne()
    {
        var result = CliRunner.Run("feed", "show", FeedInputs.PathOf("aws.json"), "--where", "service=EC3");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--where: error RF1304: no row of feed 'aws.json' has service = 'EC3'", result.Stderr,
            StringComparison.Ordinal);
        Assert.Contains("Did you mean 'EC2'?", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("RF1363", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AFeedOfAnotherShape_IsAnErrorNamingTheShape()
    {
        var result = CliRunner.Run("feed", "show", FeedInputs.PathOf("aws.json"), "--shape", "oracle");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error RF1302: feed 'aws.json' could not be read as oracle", result.Stderr,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://ranges.example.com/ip-ranges.json", "allowed only for loopback hosts")]
    [InlineData("https:///no-host.json", "is not an absolute http or https URL")]
    [InlineData("no-such-feed.json", "cannot read the feed")]
    [InlineData("INPUT --where service", "is not field=value")]
    [InlineData("INPUT --shape generic", "needs both --items and --cidr-field")]
    [InlineData("INPUT --shape nosuch", "nosuch")]
    public void UsageErrors_ExitTwo(string args, string why)
    {
        var result = CliRunner.Run(["feed", "show",
            .. args.Replace("INPUT", FeedInputs.PathOf("aws.json"), StringComparison.Ordinal).Split(' ')]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(why, result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }
}
