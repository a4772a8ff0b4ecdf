using System.Text.Json;
using RuleForge.Net;

namespace RuleForge.Resolution.Feeds;

/// <summary>
/// AWS ip-ranges.json: <c>prefixes[]</c> {ip_prefix, region, service, network_border_group} and
/// <c>ipv6_prefixes[]</c> {ipv6_prefix, ...}; one row per entry.
/// </summary>
/// <remarks>
/// Note: AWS lists one CIDR once per service and AMAZON holds every range of the others, so the
/// same network can be many rows; filters pick rows, aggregation removes the repeats.
/// </remarks>
internal static class AwsFeedReader
{
    public static IEnumerable<FeedRow> Read(FeedJsonDocument document)
    {
        var number = 0;
        FeedJson.Array(document, "prefixes", "an AWS-style feed", required: true);
        var v6 = FeedJson.Array(document, "ipv6_prefixes", "an AWS-style feed", required: false);
        foreach (var item in document.Items(["prefixes"]))
        {
            yield return FeedJson.OfFamily(FeedJson.Row(++number, item, "ip_prefix"), "ip_prefix", IpFamily.V4);
        }

        if (v6)
        {
            foreach (var item in document.Items(["ipv6_prefixes"]))
            {
                yield return FeedJson.OfFamily(
                    FeedJson.Row(++number, item, "ipv6_prefix"), "ipv6_prefix", IpFamily.V6);
            }
        }
    }
}
