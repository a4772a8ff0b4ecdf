using System.Text;
using RuleForge.Diagnostics;
using RuleForge.Model;
using RuleForge.Pipeline;
using RuleForge.Resolution;
using RuleForge.Tests.Support;
using Xunit;

namespace RuleForge.Tests.Resolution;

public class FeedReaderTests
{
    [Fact]
    public void Generic_ReadsRowsAtTheItemsPath_WithScalarAndArrayFields()
    {
        var rows = Read("generic", """
            { "data": { "egress": [
              { "service": "smtp", "region": ["us", "ca"], "port": 25, "tls": true,
                "cidrs": ["192.0.2.0/28", "2001:db8::/48"] },
              { "service": "web", "region": "eu", "cidrs": "198.51.100.0/24" }
            ] } }
            """, items: "data.egress", cidrField: "cidrs");

        Assert.Equal(2, rows.Count);
        Assert.Equal(["us", "ca"], rows[0].Fields["region"]);
        Assert.Equal(["25"], rows[0].Fields["port"]);
        Assert.Equal(["true"], rows[0].Fields["tls"]);
        Assert.Equal(["192.0.2.0/28", "2001:db8::/48"], rows[0].Cidrs);
        Assert.Equal(["198.51.100.0/24"], rows[1].Cidrs);
        Assert.False(rows[0].Fields.ContainsKey("cidrs"));
        Assert.Equal([1, 2], rows.Select(r => r.Number));
    }

    [Fact]
    public void Generic_SkipsFieldsThatAreNotScalarsOrListsOfScalars_C12()
    {
        var rows = Read("generic", """
            { "rows": [ { "service": "smtp", "meta": { "owner": "x" }, "nested": [["a"]], "cidr": "192.0.2.0/24" } ] }
            """, items: "rows", cidrField: "cidr");

        Assert.Equal(["service"], rows[0].Fields.Keys);
    }

    [Theory]
    [InlineData("""{ "rows": 5 }""", "not an array of rows")]
    [InlineData("""{ "other": [] }""", "does not lead to a value")]
    [InlineData("""{ "rows": [ 5 ] }""", "row 1 is a number, not an object")]
    [InlineData("""{ "rows": [ { "cidr": { "a": 1 } } ] }""", "not a CIDR or a list of CIDRs")]
    [InlineData("""{ "rows": [ """, "invalid JSON at line 1")]
    public void Generic_ThrowsFeedReadException_ForABadShape(string json, string why)
    {
        var e = Assert.Throws<FeedReadException>(() => Read("generic", json, items: "rows", cidrField: "cidr"));
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Aws_ReadsBothPrefixArrays_AndSkipsNonListKeys_C12()
    {
        var rows = Read("aws", """
            { "syncToken": "1700000000", "createDate": "2026-11-01-00-00-00",
              "prefixes": [ { "ip_prefix": "3.5.140.0/22", "region": "ap-northeast-2", "service": "AMAZON" } ],
              "ipv6_prefixes": [ { "ipv6_prefix": "2600:1f14::/35", "region": "us-west-2", "service": "EC2" } ] }
            """);

        Assert.Equal(["3.5.140.0/22", "2600:1f14::/35"], rows.SelectMany(r => r.Cidrs));
        Assert.Equal(["ap-northeast-2"], rows[0].Fields["region"]);
        Assert.Equal(["EC2"], rows[1].Fields["service"]);
    }

    [Fact]
    public void Aws_NeedsThePrefixesArray()
    {
        var e = Assert.Throws<FeedReadException>(() => Read("aws", """{ "prefixes": "x" }"""));
        Assert.Contains("'prefixes'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void M365_ReadsEndpointSets_AndSplitsPortLists()
    {
        var rows = Read("m365", """
            [ { "id": 10, "serviceArea": "Exchange", "tcpPorts": "25, 587",
                "ips": ["40.92.0.0/15", "2a01:111:f400::/48"] },
              { "id": 11, "serviceArea": "Exchange", "tcpPorts": "443", "urls": ["outlook.office.com"] } ]
            """);

        Assert.Equal(["25", "587"], rows[0].Fields["tcpPorts"]);
        Assert.Equal(["40.92.0.0/15", "2a01:111:f400::/48"], rows[0].Cidrs);
        Assert.Empty(rows[1].Cidrs);
        Assert.Equal(["outlook.office.com"], rows[1].Fields["urls"]);
    }

    [Fact]
    public void M365_NeedsAnArray() =>
        Assert.Throws<FeedReadException>(() => Read("m365", """{ "ips": [] }"""));

    [Fact]
    public void Text_ReadsOneRangePerLine_SkippingCommentsAndBlankLines_C13()
    {
        var rows = Read("text",
            "# provider ranges\n\n192.0.2.0/24\n  198.51.100.0/24   # backup site\n"
            + "#2001:db8::/32\n2001:db8:1::/48\r\n");

        Assert.Equal(["192.0.2.0/24", "198.51.100.0/24", "2001:db8:1::/48"], rows.SelectMany(r => r.Cidrs));
        Assert.Equal([3, 4, 6], rows.Select(r => r.Number));
    }

    [Fact]
    public void Selection_MatchesArrayFieldsByContains_C11()
    {
        using var temp = new TempFolder();
        temp.Write("feed.json", """
            { "rows": [
              { "service": "smtp", "region": ["us-west", "us-east"], "cidrs": ["40.92.0.0/24"] },
              { "service": "smtp", "region": "eu", "cidrs": ["40.92.1.0/24"] },
              { "service": "api", "region": ["us-east"], "cidrs": ["40.92.2.0/24"] } ] }
            """);
        var policy = temp.Write("policy.yaml", """
            policy: feed-test
            targets:
              rspamd: { version: "3.4", actions: { reject: 15 } }
            feeds:
              - { id: f, file: feed.json, items: rows, cidr_field: cidrs }
            senders:
              - id: s
                domains: [example.com]
                ranges:
                  select:
                    - feed: f
                      where: { region: us-east, service: { not: api } }
            blocklists:
              - { id: zen, zone: zen.spamhaus.org, listing_codes: [127.0.0.2], act: { rspamd: { score: 1 } } }
            """);

        var validation = BuildPipeline.Validate(policy, "policy.yaml", new PolicyDefaults());
        Assert.NotNull(validation.Policy);
        var resolved = PolicyResolver.Resolve(validation.Policy);

        Assert.DoesNotContain(resolved.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(["40.92.0.0/24"], resolved.Policy!.Senders[0].Ranges!.Networks.Select(n => n.ToString()));
        Assert.Equal("feed f row 1", resolved.Policy.Senders[0].Ranges!.Sources.Single().Origin);
    }

    private static IReadOnlyList<FeedRow> Read(
        string shape, string content, string? items = null, string? cidrField = null) =>
        FeedReader.Read(new FeedDefinition("f", "f", "/f", shape, items, cidrField, SourceLocation.OfFile("p.yaml")),
            Encoding.UTF8.GetBytes(content));
}
