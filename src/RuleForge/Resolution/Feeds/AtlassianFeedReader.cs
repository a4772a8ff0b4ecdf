using System.Text.Json;

namespace RuleForge.Resolution.Feeds;

/// <summary>
/// Atlassian style: <c>items[]</c> {cidr, region[], product[], direction[], ...}; one row per
/// item. Array fields match a filter when they contain the value.
/// </summary>
internal static class AtlassianFeedReader
{
    public static IEnumerable<FeedRow> Read(FeedJsonDocument document)
    {
        var number = 0;
        FeedJson.Array(document, "items", "an Atlassian-style feed", required: true);
        foreach (var item in document.Items(["items"]))
        {
            yield return FeedJson.Row(++number, item, "cidr");
        }
    }
}
