using System.Text.Json;

namespace RuleForge.Resolution.Feeds;

/// <summary>Recognises the built-in feed shapes from their content.</summary>
internal static class FeedShapeDetector
{
    /// <summary>True when the content does not start like JSON (after a BOM and white space).</summary>
    public static bool IsText(byte[] content)
    {
        var start = content.AsSpan();
        if (start.StartsWith("\uFEFF"u8))
        {
            start = start[3..];
        }

        var first = start.IndexOfAnyExcept(" \t\r\n"u8);
        return first < 0 || start[first] is not ((byte)'{' or (byte)'[');
    }

    /// <summary>The built-in shape of a JSON feed; throws when none fits.</summary>
    public static string Detect(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return root.EnumerateArray().Any(e => Has(e, "serviceArea") || Has(e, "ips"))
                ? FeedShapes.M365
                : throw Unknown("an array whose items have no 'serviceArea' or 'ips'");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Unknown($"{FeedJson.Describe(root.ValueKind)} at the top level");
        }

        if (Has(root, "ipv6_prefixes") || FirstHas(root, "prefixes", "ip_prefix"))
        {
            return FeedShapes.Aws;
        }

        if (FirstHas(root, "prefixes", "ipv4Prefix") || FirstHas(root, "prefixes", "ipv6Prefix"))
        {
            return FeedShapes.Google;
        }

        if (FirstHas(root, "regions", "cidrs"))
        {
            return FeedShapes.Oracle;
        }

        if (FirstHas(root, "items", "cidr"))
        {
            return FeedShapes.Atlassian;
        }

        if (CidrListsFeedReader.HasCidrList(root))
        {
            return FeedShapes.CidrLists;
        }

        var keys = string.Join(", ", root.EnumerateObject().Take(8).Select(p => $"'{p.Name}'"));
        throw Unknown($"an object with the keys {(keys.Length == 0 ? "(none)" : keys)}");
    }

    private static bool Has(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out _);

    private static bool FirstHas(JsonElement root, string array, string field) =>
        root.TryGetProperty(array, out var items) && items.ValueKind == JsonValueKind.Array
        && items.EnumerateArray().FirstOrDefault() is var first && Has(first, field);

    private static FeedReadException Unknown(string what) => new(
        $"its shape is none RuleForge recognises ({what}); name a shape, or describe the rows " +
        "with 'items' and 'cidr_field'");
}
