using RuleForge.Diagnostics;
using RuleForge.Resolution;
using Xunit;

namespace RuleForge.Tests.Feeds;

public class FeedSelectionTests
{
    [Fact]
    public void Aws_FilterByServiceAndRegion_SelectsExactlyThoseRows_Aggregated_AndReportsCounts_C10()
    {
        var result = FeedInputs.Resolve("""
            - { id: aws, file: INPUTS/aws.json }
            """, """
            - feed: aws
              where: { service: EC2, region: us-east-1 }
            """);

        Assert.Empty(FeedInputs.Errors(result));
        var ranges = result.Policy!.Senders[0].Ranges!;
        Assert.Equal(["203.0.113.0/24", "2001:db8:1::/48"], ranges.Networks.Select(n => n.ToString()));
        Assert.Equal(
            ["feed aws row 2", "feed aws row 3", "feed aws row 9", "feed aws row 10"],
            ranges.Sources.Select(s => s.Origin));
        var report = Assert.Single(result.Selections);
        Assert.Equal(("s", "aws", 11), (report.SenderId, report.FeedId, report.RowsRead));
        Assert.Equal([("service in EC2", 6), ("region in us-east-1", 4)], report.RowsKeptByCondition);
        Assert.Equal((4, 2), (report.CidrsBefore, report.CidrsAfter));
        Assert.Equal("256", report.AddressesIpv4);
        Assert.Equal((UInt128.One << 80).ToString(), report.AddressesIpv6);
    }

    [Fact]
    public void Aws_AmazonSuperset_RepeatsOfTheSameCidrCountOnce_C10()
    {
        var result = FeedInputs.Resolve("""
            - { id: aws, file: INPUTS/aws.json }
            """, """
            - feed: aws
              where: { region: GLOBAL }
            """);

        Assert.Empty(FeedInputs.Errors(result));
        var report = Assert.Single(result.Selections);
        Assert.Equal([("region in GLOBAL", 2)], report.RowsKeptByCondition);
        Assert.Equal((2, 1, "16"), (report.CidrsBefore, report.CidrsAfter, report.AddressesIpv4));
    }

    [Fact]
    public void Aws_ValueInNoRow_GetsADidYouMean_AndAnEmptyFilterIsAnError()
    {
        var result = FeedInputs.Resolve("""
            - { id: aws, file: INPUTS/aws.json }
            """, """
            - feed: aws
              where: { service: EC3 }
            """);

        var errors = FeedInputs.Errors(result);
        Assert.Contains(errors, e => e.Contains("RF1304", StringComparison.Ordinal)
            && e.Contains("Did you mean 'EC2'?", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("RF1303", StringComparison.Ordinal));
    }

    [Fact]
    public void Atlassian_ArrayFieldsMatchWhenTheyContainTheValue_AndNegationExcludes_C11()
    {
        var result = FeedInputs.Resolve("""
            - { id: atl, file: INPUTS/atlassian.json }
            """, """
            - feed: atl
              where: { product: email, region: [us-west-2, eu-west-1], direction: { not: ingress } }
            """);

        Assert.Empty(FeedInputs.Errors(result));
        Assert.Equal(["192.0.2.0/26"], result.Policy!.Senders[0].Ranges!.Networks.Select(n => n.ToString()));
        Assert.Equal(
            [("product in email", 2), ("region in [us-west-2, eu-west-1]", 2), ("direction not in ingress", 1)],
            result.Selections[0].RowsKeptByCondition);
    }

    [Fact]
    public void GitHub_NonListKeysAreSkipped_AndServiceSelectsMixedFamilies_C12()
    {
        var result = FeedInputs.Resolve("""
            - { id: gh, file: INPUTS/github.json }
            """, """
            - feed: gh
              where: { service: hooks }
            """);

        Assert.Empty(FeedInputs.Errors(result));
        Assert.Equal(["192.0.2.0/26", "2001:db8:30::/48"],
            result.Policy!.Senders[0].Ranges!.Networks.Select(n => n.ToString()));
    }

    [Fact]
    public void GitHub_AKeyThatIsNotACidrList_IsNoService_AndGetsADidYouMean_C12()
    {
        var result = FeedInputs.Resolve("""
            - { id: gh, file: INPUTS/github.json }
            """, """
            - feed: gh
              where: { service: ssh_keys }
            """);

        Assert.Contains(FeedInputs.Errors(result), e => e.Contains("service = 'ssh_keys'", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_WholeFileIsSelected_WithoutWhere_C13()
    {
        var result = FeedInputs.Resolve("""
            - { id: cf, file: INPUTS/text.txt }
            """, """
            - feed: cf
            """);

        Assert.Empty(FeedInputs.Errors(result));
        Assert.Equal(["192.0.2.0/24", "2001:db8:70::/48"],
            result.Policy!.Senders[0].Ranges!.Networks.Select(n => n.ToString()));
        Assert.Equal((3, 3, 2), (result.Selections[0].RowsRead, result.Selections[0].CidrsBefore,
            result.Selections[0].CidrsAfter));
        Assert.Equal("feed cf row 4", result.Policy.Senders[0].Ranges!.Sources[1].Origin);
    }

    [Fact]
    public void M365_PortsAreFilterable_TheExchangeSetOnPort25()
    {
        var result = FeedInputs.Resolve("""
            - { id: m365, file: INPUTS/m365.json }
            """, """
            - feed: m365
              where: { serviceArea: Exchange, tcpPorts: "25" }
            """);

        Assert.Empty(FeedInputs.Errors(result));
        Assert.Equal(["198.51.100.0/24", "2001:db8:20::/48"],
            result.Policy!.Senders[0].Ranges!.Networks.Select(n => n.ToString()));
        Assert.Equal([("serviceArea in Exchange", 2), ("tcpPorts in 25", 1)],
            result.Selections[0].RowsKeptByCondition);
    }

    [Fact]
    public void Google_Except_SubtractsCloudFromGoog()
    {
        var result = FeedInputs.Resolve("""
            - { id: goog, file: INPUTS/google-goog.json }
            - { id: cloud, file: INPUTS/google-cloud.json }
            """, """
            - feed: goog
              except:
                - feed: cloud
            """);

        Assert.Empty(FeedInputs.Errors(result));
        Assert.Equal(["192.0.2.0/24", "198.51.100.128/25", "2001:db8::/33"],
            result.Policy!.Senders[0].Ranges!.Networks.Select(n => n.ToString()));
        Assert.Equal([("except cloud: rows taken out", 2), ("rows left after except", 3)],
            result.Selections[0].RowsKeptByCondition);
        Assert.Equal("feed goog row 2", result.Policy.Senders[0].Ranges!.Sources[1].Origin);
    }

    [Fact]
    public void Except_WithAFilter_TakesOutOnlyTheRowsItKeeps()
    {
        var result = FeedInputs.Resolve("""
            - { id: goog, file: INPUTS/google-goog.json }
            - { id: cloud, file: INPUTS/google-cloud.json }
            """, """
            - feed: goog
              except:
                - { feed: cloud, where: { scope: europe-west1 } }
            """);

        Assert.Empty(FeedInputs.Errors(result));
        Assert.Equal(["192.0.2.0/24", "198.51.100.0/24", "2001:db8::/33"],
            result.Policy!.Senders[0].Ranges!.Networks.Select(n => n.ToString()));
    }

    [Fact]
    public void Except_DefaultsToTheSameFeed_AndUnionsWithOtherSelections()
    {
        var result = FeedInputs.Resolve("""
            - { id: aws, file: INPUTS/aws.json }
            - { id: cf, file: INPUTS/text.txt }
            """, """
            - feed: aws
              where: { service: AMAZON }
              except:
                - where: { region: [GLOBAL, eu-west-1] }
            - feed: cf
            """);

        Assert.Empty(FeedInputs.Errors(result));
        Assert.Equal(["192.0.2.0/24", "203.0.113.0/24", "2001:db8:1::/48", "2001:db8:70::/48"],
            result.Policy!.Senders[0].Ranges!.Networks.Select(n => n.ToString()));
        Assert.Equal(2, result.Selections.Count);
    }

    [Fact]
    public void Except_ThatCoversEverything_OrKeepsNoRow_IsAnError()
    {
        var result = FeedInputs.Resolve("""
            - { id: aws, file: INPUTS/aws.json }
            """, """
            - feed: aws
              where: { service: ROUTE53 }
              except:
                - where: { region: GLOBAL }
                - where: { region: eu-west-1, service: ROUTE53 }
            """);

        var errors = FeedInputs.Errors(result);
        Assert.Contains(errors, e => e.Contains("RF1361", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("RF1362", StringComparison.Ordinal));
    }

    [Fact]
    public void BuiltInShape_WithItemsOrCidrField_IsAnError()
    {
        var result = FeedInputs.Validate("""
            - { id: aws, file: INPUTS/aws.json, shape: aws, items: prefixes }
            """, """
            - feed: aws
            """);

        var d = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("RF1360", d.Code);
        Assert.Contains("shape: generic", d.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Shape_DefaultsToAuto_WithoutItems_AndToGeneric_WithItems()
    {
        var result = FeedInputs.Validate("""
            - { id: a, file: INPUTS/aws.json }
            - { id: g, file: INPUTS/atlassian.json, items: items, cidr_field: cidr }
            """, """
            - feed: a
            - feed: g
            """);

        Assert.Equal(["auto", "generic"], result.Policy!.Feeds.Select(f => f.Shape));
    }

    [Fact]
    public void Except_NamingAnUnknownFeed_GetsADidYouMean()
    {
        var result = FeedInputs.Validate("""
            - { id: goog, file: INPUTS/google-goog.json }
            - { id: cloud, file: INPUTS/google-cloud.json }
            """, """
            - { feed: goog, except: [ { feed: clud } ] }
            """);

        var d = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("RF1214", d.Code);
        Assert.Contains("'cloud'", d.Hint, StringComparison.Ordinal);
    }
}
