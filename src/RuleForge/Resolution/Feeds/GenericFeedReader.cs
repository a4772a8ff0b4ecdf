using System.Text.Json;

namespace RuleForge.Resolution.Feeds;

/// <summary>
/// A shape described in the policy: <c>items</c> is the dotted path to the array of rows and
/// <c>cidr_field</c> the row field holding a CIDR or a list of CIDRs.
/// </summary>
internal static class GenericFeedReader
{
    public static IEnumerable<FeedRow> Read(FeedJsonDocument document, string itemsPath, string cidrField)
    {
        var path = itemsPath.Split('.', StringSplitOptions.RemoveEmptyEntries);
        var kind = document.KindAt(path);
        if (kind == JsonValueKind.Undefined)
        {
            throw new FeedReadException(
                $"the path '{itemsPath}' does not lead to a value (stopped at '{document.StoppedAt(path)}')");
        }

        if (kind != JsonValueKind.Array)
        {
            throw new FeedReadException(
                $"the path '{itemsPath}' leads to {FeedJson.Describe(kind)}, not an array of rows");
        }

        var number = 0;
        foreach (var item in document.Items(path))
        {
            yield return FeedJson.Row(++number, item, cidrField);
        }
    }
}
