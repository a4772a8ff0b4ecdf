using System.Text.Json;

namespace RuleForge.Resolution.Feeds;

/// <summary>
/// Atlassian style: <c>items[]</c> {cidr, region[], product[], direction[], ...}; one row per
/// item. Array fields match a filter when they contain the value.
/// </summary>
internal static class AtlassianFeedReader
{
    public static IEnumerable<FeedRow> Read(JsonElement root)
    {
        var number = 0;
        var items = FeedJson.Array(root, "items", "an Atlassian-style feed", required: true)!.Value;
        foreach (var item in items.EnumerateArray())
        {
            yield return FeedJson.Row(++number, item, "cidr");
        }
    }
}
