using System.Text.Json;

namespace RuleForge.Resolution.Feeds;

/// <summary>
/// Atlassian style: <c>items[]</c> {cidr, region[], product[], direction[], ...}; one row per
/// item. Array fields match a filter when they contain the value.
/// </summary>
internal static class AtlassianFeedReader
{
    public static List<FeedRow> Read(JsonElement root)
    {
        var rows = new List<FeedRow>();
        var items = FeedJson.Array(root, "items", "an Atlassian-style feed", required: true)!.Value;
        foreach (var item in items.EnumerateArray())
        {
            rows.Add(FeedJson.Row(rows.Count + 1, item, "cidr"));
        }

        return rows;
    }
}
