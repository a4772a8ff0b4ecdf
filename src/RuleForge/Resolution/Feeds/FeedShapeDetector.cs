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
    public static string Detect(FeedJsonDocument document)
    {
        var kind = document.Kind;
        if (kind == JsonValueKind.Array)
        {
            return document.Items([]).Any(e => Has(e, "serviceArea") || Has(e, "ips"))
                ? FeedShapes.M365
                : throw Unknown("an array whose items have no 'serviceArea' or 'ips'");
        }

        if (kind != JsonValueKind.Object)
        {
            throw Unknown($"{FeedJson.Describe(kind)} at the top level");
        }

        if (document.KindAt(["ipv6_prefixes"]) != JsonValueKind.Undefined
            || FirstHas(document, "prefixes", "ip_prefix"))
        {
            return FeedShapes.Aws;
        }

        if (FirstHas(document, "prefixes", "ipv4Prefix") || FirstHas(document, "prefixes", "ipv6Prefix"))
        {
            return FeedShapes.Google;
        }

        if (FirstHas(document, "regions", "cidrs"))
        {
            return FeedShapes.Oracle;
        }

        if (FirstHas(document, "items", "cidr"))
        {
            return FeedShapes.Atlassian;
        }

        if (CidrListsFeedReader.HasCidrList(document))
        {
            return FeedShapes.CidrLists;
        }

        var keys = string.Join(", ", document.Properties().Take(8).Select(p => $"'{p.Name}'"));
        throw Unknown($"an object with the keys {(keys.Length == 0 ? "(none)" : keys)}");
    }

    private static bool Has(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out _);

    // Note: an empty array has no first element, which has no field.
    private static bool FirstHas(FeedJsonDocument document, string array, string field) =>
        document.Items([array]).Take(1).Any(first => Has(first, field));

    private static FeedReadException Unknown(string what) => new(
        $"its shape is none RuleForge recognises ({what}); name a shape, or describe the rows " +
        "with 'items' and 'cidr_field'");
}
