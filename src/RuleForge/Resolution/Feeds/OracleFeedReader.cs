using System.Text.Json;

namespace RuleForge.Resolution.Feeds;

/// <summary>
/// Oracle Cloud: <c>regions[]</c> {region, cidrs[] {cidr, tags[]}}; one row per CIDR with the
/// fields <c>region</c> (from its region) and <c>tags</c> (the service is a tag, e.g. OCI, OSN).
/// </summary>
internal static class OracleFeedReader
{
    public static IEnumerable<FeedRow> Read(FeedJsonDocument document)
    {
        var number = 0;
        FeedJson.Array(document, "regions", "an Oracle-style feed", required: true);
        var index = 0;
        foreach (var region in document.Items(["regions"]))
        {
            index++;
            if (region.ValueKind != JsonValueKind.Object
                || !region.TryGetProperty("cidrs", out var cidrs) || cidrs.ValueKind != JsonValueKind.Array)
            {
                throw new FeedReadException($"region {index} is not an object with the array 'cidrs'");
            }

            // Note: the region's own scalars (its name) are fields of each of its rows.
            var shared = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var property in region.EnumerateObject().Where(p => p.Name != "cidrs"))
            {
                if (FeedJson.Scalars(property.Value) is { } values)
                {
                    shared[property.Name] = values;
                }
            }

            foreach (var item in cidrs.EnumerateArray())
            {
                yield return FeedJson.Row(++number, item, "cidr", shared);
            }
        }
    }
}
