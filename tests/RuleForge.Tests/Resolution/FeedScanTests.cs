using System.Text;
using RuleForge.Diagnostics;
using RuleForge.Model;
using RuleForge.Resolution;
using Xunit;

namespace RuleForge.Tests.Resolution;

/// <summary>
/// A feed is read once with the filters asked of it and keeps only what they select: the rows
/// left after each condition, the kept rows' CIDRs (parsed), the field names and the values of
/// the filtered fields.
/// </summary>
public class FeedScanTests
{
    private const string Feed = """
        { "rows": [
          { "service": "smtp", "region": "us-west", "cidr": "192.0.2.0/28" },
          { "service": "smtp", "region": "eu-central", "cidr": ["198.51.100.0/24", "198.51.100.7/24"] },
          { "service": "web", "region": "us-west", "cidr": "203.0.113.0/24" },
          { "service": "smtp", "region": "us-east", "nested": { "service": "x", "deeper": { "service": "y" } },
            "cidr": "192.0.2.64/26" }
        ] }
        """;

    private static readonly SourceLocation At = SourceLocation.OfFile("p.yaml");

    private static FeedCondition Where(string field, params string[] values) => new(field, values, false, At);

    private static FeedScan Scan(params IReadOnlyList<FeedCondition>[] filters) =>
        FeedScan.Read("generic", Encoding.UTF8.GetBytes(Feed), "rows", "cidr", filters);

    [Fact]
    public void Read_KeepsOnlyTheSelectedRows_WithTheRowsLeftAfterEachCondition()
    {
        IReadOnlyList<FeedCondition> filter = [Where("service", "smtp"), Where("region", "us-west", "us-east")];

        var scan = Scan(filter);
        var kept = scan.Filter(filter);

        Assert.Equal(4, scan.Rows);
        Assert.Equal(["region", "service"], scan.FieldNames);
        Assert.Equal([3, 2], kept.Left);
        Assert.Equal(2, kept.RowsKept);
        Assert.Equal([(1, "192.0.2.0/28"), (4, "192.0.2.64/26")],
            kept.Cidrs.Select(c => (c.Row, c.Network.ToString())));
        Assert.Equal(["eu-central", "us-east", "us-west"], scan.ValuesOf("region").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Read_ParsesEachKeptCidrOnce_AndKeepsTheTextOfABadOne()
    {
        IReadOnlyList<FeedCondition> filter = [Where("region", "eu-central")];

        var kept = Scan(filter).Filter(filter);

        Assert.Equal([(2, "198.51.100.0/24", (string?)null), (2, "0.0.0.0/0", "198.51.100.7/24")],
            kept.Cidrs.Select(c => (c.Row, c.Bad is null ? c.Network.ToString() : "0.0.0.0/0", c.Bad)));
    }

    [Fact]
    public void Filter_LeavesOutAConditionOnAFieldNoRowHas_AsTheSelectorReportsIt()
    {
        IReadOnlyList<FeedCondition> filter = [Where("servce", "smtp"), Where("region", "us-west")];
        var scan = Scan(filter);
        var diagnostics = new DiagnosticBag();
        var steps = new List<(string, int)>();

        var kept = FeedSelector.Filter("big", scan, filter, diagnostics, steps, "");

        Assert.Equal(["RF1306"], diagnostics.Items.Select(d => d.Code));
        Assert.Equal([("region in us-west", 2)], steps);
        Assert.Equal([1, 3], kept.Cidrs.Select(c => c.Row));
    }

    [Fact]
    public void Filter_RefusesAFilterThatWasNotGivenWhenTheFeedWasRead()
    {
        var scan = Scan([Where("service", "smtp")]);

        Assert.Throws<ArgumentException>(() => scan.Filter([Where("service", "web")]));
    }

    [Theory]
    [InlineData("""{ "rows": [ { "cidr": "192.0.2.0/24", "cidr": "x" } ] }""", "line 1: the key 'cidr' appears")]
    [InlineData("{ \"rows\": [\n  { \"cidr\": \"192.0.2.0/24\" },\n  { \"a\": 1, \"a\": 2 } ] }", "line 3: the key")]
    [InlineData("""{ "rows": [ { "cidr": "192.0.2.0/24", "x": "\ud800" } ] }""", "invalid JSON text")]
    [InlineData("""{ "rows": [ { "cidr": "192.0.2.0/24" }, ] }""", "invalid JSON at line 1: The JSON array contains")]
    public void Read_RefusesBadJsonAnywhere_BeforeAnyRowIsRead(string json, string message)
    {
        var e = Assert.Throws<FeedReadException>(() =>
            FeedScan.Read("generic", Encoding.UTF8.GetBytes(json), "rows", "cidr", [[]]));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AllowsTheSameKeyInSiblingAndNestedObjects_AndFollowsADottedPath()
    {
        const string Json = """
            { "a": { "x": 1 }, "b": { "x": 2, "b": { "x": 3 } },
              "data": { "skip": [1, [2, {"rows": 3}]], "rows": [ { "cidr": "192.0.2.0/24", "x": { "x": 1 } } ] } }
            """;

        var scan = FeedScan.Read("generic", Encoding.UTF8.GetBytes(Json), "data.rows", "cidr", [[]]);

        Assert.Equal(1, scan.Rows);
        Assert.Equal(["192.0.2.0/24"], scan.Filter([]).Cidrs.Select(c => c.Network.ToString()));
    }
}
