using RuleForge.Resolution;
using RuleForge.Resolution.Feeds;
using Xunit;

namespace RuleForge.Tests.Feeds;

public class FeedShapeTests
{
    [Theory]
    [InlineData("aws.json", "aws", 11)]
    [InlineData("google-goog.json", "google", 3)]
    [InlineData("google-cloud.json", "google", 2)]
    [InlineData("m365.json", "m365", 4)]
    [InlineData("github.json", "github", 5)]
    [InlineData("fastly.json", "github", 3)]
    [InlineData("zscaler.json", "github", 3)]
    [InlineData("oracle.json", "oracle", 3)]
    [InlineData("atlassian.json", "atlassian", 3)]
    [InlineData("text.txt", "text", 3)]
    public void Read_RecognisesEachBuiltInShape_WithTheFilesRowCount(string file, string shape, int rows)
    {
        var data = FeedInputs.Read(file);

        Assert.Equal(shape, data.Shape);
        Assert.True(data.Detected);
        Assert.Equal(rows, data.Rows.Count);
        if (shape != "text")
        {
            Assert.Equal(Enumerable.Range(1, rows), data.Rows.Select(r => r.Number));
        }
    }

    [Theory]
    [InlineData("aws.json", "aws")]
    [InlineData("google-goog.json", "google")]
    [InlineData("m365.json", "m365")]
    [InlineData("github.json", "github")]
    [InlineData("oracle.json", "oracle")]
    [InlineData("atlassian.json", "atlassian")]
    [InlineData("text.txt", "text")]
    public void Read_WithTheShapeNamed_ReadsTheSameRowsAsDetection(string file, string shape)
    {
        var named = FeedInputs.Read(file, shape);
        var detected = FeedInputs.Read(file);

        Assert.False(named.Detected);
        Assert.Equal(detected.Rows.SelectMany(r => r.Cidrs), named.Rows.SelectMany(r => r.Cidrs));
    }

    [Fact]
    public void NamedShape_OverridesDetection_AndFailsWhenTheContentIsNotThatShape()
    {
        var e = Assert.Throws<FeedReadException>(() => FeedInputs.Read("aws.json", FeedShapes.Google));

        Assert.Contains("neither 'ipv4Prefix' nor 'ipv6Prefix'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Aws_KeepsServiceRegionAndBorderGroup_AndBothFamilies()
    {
        var rows = FeedInputs.Read("aws.json").Rows;

        Assert.Equal(["network_border_group", "region", "service"], rows[0].Fields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["2001:db8:2::/48"], rows[^1].Cidrs);
        Assert.Equal(["GLOBAL"], rows[5].Fields["region"]);
    }

    [Fact]
    public void Google_ReadsEitherPrefix_AndScopeAndService()
    {
        var rows = FeedInputs.Read("google-cloud.json").Rows;

        Assert.Equal(["198.51.100.0/25", "2001:db8:8000::/33"], rows.SelectMany(r => r.Cidrs));
        Assert.Equal(["us-central1"], rows[0].Fields["scope"]);
        Assert.Equal(["Google Cloud"], rows[1].Fields["service"]);
        Assert.Empty(FeedInputs.Read("google-goog.json").Rows[0].Fields);
    }

    [Fact]
    public void Google_RefusesARowWithBothPrefixes()
    {
        var e = Assert.Throws<FeedReadException>(() => FeedInputs.ReadText(
            """{ "prefixes": [ { "ipv4Prefix": "192.0.2.0/24", "ipv6Prefix": "2001:db8::/32" } ] }"""));

        Assert.Contains("row 1 has both", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void M365_SplitsPorts_KeepsCategoryRequiredAndId_AndSetsWithoutIps()
    {
        var rows = FeedInputs.Read("m365.json").Rows;

        Assert.Equal(["80", "443"], rows[0].Fields["tcpPorts"]);
        Assert.Equal(["3478", "3479", "3480", "3481"], rows[3].Fields["udpPorts"]);
        Assert.Equal(["Allow"], rows[1].Fields["category"]);
        Assert.Equal(["false"], rows[1].Fields["required"]);
        Assert.Equal(["9"], rows[1].Fields["id"]);
        Assert.Empty(rows[2].Cidrs);
    }

    [Fact]
    public void Oracle_MakesOneRowPerCidr_WithItsRegionAndTags()
    {
        var rows = FeedInputs.Read("oracle.json").Rows;

        Assert.Equal(["us-ashburn-1", "us-ashburn-1", "eu-frankfurt-1"], rows.Select(r => r.Fields["region"][0]));
        Assert.Equal(["OSN", "OBJECT_STORAGE"], rows[1].Fields["tags"]);
        Assert.Equal(["192.0.2.128/25"], rows[1].Cidrs);
    }

    [Fact]
    public void CidrLists_MakeOneRowPerCidr_WithTheKeyAsService_V4AndV6Mixed()
    {
        var rows = FeedInputs.Read("fastly.json").Rows;

        Assert.Equal(["addresses", "addresses", "ipv6_addresses"], rows.Select(r => r.Fields["service"][0]));
        Assert.Equal(["192.0.2.0/24", "198.51.100.0/25", "2001:db8:50::/48"], rows.SelectMany(r => r.Cidrs));
    }

    [Fact]
    public void CidrLists_SkipBooleansKeyStringsObjectsAndEmptyLists_C12()
    {
        var rows = FeedInputs.Read("github.json").Rows;

        Assert.Equal(["hooks", "web"], rows.Select(r => r.Fields["service"][0]).Distinct());
        Assert.Equal(
            ["192.0.2.0/26", "2001:db8:30::/48", "192.0.2.0/26", "198.51.100.7/32", "2001:db8:31::/48"],
            rows.SelectMany(r => r.Cidrs));
    }

    [Fact]
    public void CidrLists_RefuseAListThatMixesCidrsAndOtherStrings()
    {
        var e = Assert.Throws<FeedReadException>(() => FeedInputs.ReadText(
            """{ "hooks": ["192.0.2.0/24", "not-a-range"] }""", FeedShapes.CidrLists));

        Assert.Contains("'hooks' lists CIDRs but also 'not-a-range'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Atlassian_KeepsArrayFieldsAsLists_C11()
    {
        var rows = FeedInputs.Read("atlassian.json").Rows;

        Assert.Equal(["us-east-1", "us-west-2"], rows[0].Fields["region"]);
        Assert.Equal(["email", "jira"], rows[0].Fields["product"]);
        Assert.Equal(["192.0.2.0/26"], rows[0].Cidrs);
        Assert.False(rows[0].Fields.ContainsKey("cidr"));
    }

    [Fact]
    public void Text_OneCidrPerLine_CommentsBlankLinesCrlfAndNoFinalNewline_C13()
    {
        var rows = FeedInputs.Read("text.txt").Rows;

        Assert.Equal(["192.0.2.0/25", "192.0.2.128/25", "2001:db8:70::/48"], rows.SelectMany(r => r.Cidrs));
        Assert.Equal([2, 4, 6], rows.Select(r => r.Number));
    }

    [Theory]
    [InlineData("\uFEFF192.0.2.0/24\n", "text")]
    [InlineData("  \n[ { \"serviceArea\": \"Exchange\", \"ips\": [] } ]", "m365")]
    [InlineData("{ \"items\": [ { \"cidr\": \"192.0.2.0/24\" } ] }", "atlassian")]
    [InlineData("{ \"regions\": [ { \"region\": \"r\", \"cidrs\": [] } ] }", "oracle")]
    [InlineData("{ \"prefixes\": [], \"ipv6_prefixes\": [] }", "aws")]
    public void Detect_RecognisesAShapeByItsKeys(string content, string shape) =>
        Assert.Equal(shape, FeedInputs.ReadText(content).Shape);

    [Theory]
    [InlineData("{ \"rows\": [ { \"net\": \"192.0.2.0/24\" } ] }", "an object with the keys 'rows'")]
    [InlineData("[ 1, 2 ]", "an array whose items")]
    [InlineData("{ \"ok\": true }", "name a shape")]
    public void Detect_AnUnknownShape_SaysWhatItSawAndWhatToDo(string content, string why)
    {
        var e = Assert.Throws<FeedReadException>(() => FeedInputs.ReadText(content));

        Assert.Contains(why, e.Message, StringComparison.Ordinal);
    }
}
