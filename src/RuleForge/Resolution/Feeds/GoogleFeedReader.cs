using System.Text.Json;
using RuleForge.Net;

namespace RuleForge.Resolution.Feeds;

/// <summary>
/// Google goog.json and cloud.json: <c>prefixes[]</c>, each with either <c>ipv4Prefix</c> or
/// <c>ipv6Prefix</c>; cloud entries add <c>service</c> and <c>scope</c> (the region).
/// </summary>
internal static class GoogleFeedReader
{
    public static IEnumerable<FeedRow> Read(FeedJsonDocument document)
    {
        var count = 0;
        FeedJson.Array(document, "prefixes", "a Google-style feed", required: true);
        foreach (var item in document.Items(["prefixes"]))
        {
            var number = ++count;
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new FeedReadException($"row {number} is {FeedJson.Describe(item.ValueKind)}, not an object");
            }

            var has4 = item.TryGetProperty("ipv4Prefix", out _);
            var has6 = item.TryGetProperty("ipv6Prefix", out _);
            if (has4 == has6)
            {
                throw new FeedReadException(
                    $"row {number} has {(has4 ? "both 'ipv4Prefix' and" : "neither 'ipv4Prefix' nor")} 'ipv6Prefix'; " +
                    "a Google-style row has exactly one");
            }

            var field = has4 ? "ipv4Prefix" : "ipv6Prefix";
            var row = FeedJson.OfFamily(FeedJson.Row(number, item, field), field, has4 ? IpFamily.V4 : IpFamily.V6);
            var fields = new Dictionary<string, IReadOnlyList<string>>(row.Fields, StringComparer.Ordinal);
            fields.Remove(has4 ? "ipv6Prefix" : "ipv4Prefix");
            yield return row with { Fields = fields };
        }
    }
}
