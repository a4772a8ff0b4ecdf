using System.Text.Json;

namespace RuleForge.Resolution.Feeds;

/// <summary>
/// A shape described in the policy: <c>items</c> is the dotted path to the array of rows and
/// <c>cidr_field</c> the row field holding a CIDR or a list of CIDRs.
/// </summary>
internal static class GenericFeedReader
{
    public static IEnumerable<FeedRow> Read(JsonElement root, string itemsPath, string cidrField)
    {
        var node = root;
        foreach (var part in itemsPath.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(part, out node))
            {
                throw new FeedReadException($"the path '{itemsPath}' does not lead to a value (stopped at '{part}')");
            }
        }

        if (node.ValueKind != JsonValueKind.Array)
        {
            throw new FeedReadException(
                $"the path '{itemsPath}' leads to {FeedJson.Describe(node.ValueKind)}, not an array of rows");
        }

        var number = 0;
        foreach (var item in node.EnumerateArray())
        {
            yield return FeedJson.Row(++number, item, cidrField);
        }
    }
}
